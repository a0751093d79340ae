/** Requests the popup and options pages send to the background (channel `ui`). */
import {
  isArray,
  isBoolean,
  isEmpty,
  isInteger,
  isLiteral,
  isNullable,
  isObject,
  isOptional,
  isString,
} from '../core/guard';
import { MESSAGE_LIMITS } from '../core/messages/kinds';
import { defineRequest, type RequestMap } from './request-map';
import { isThumbnailData } from '../core/messages/thumbnail-data';
import type { MirrorAck } from './content-requests';
import {
  isAudienceLists,
  isCrosspostSettings,
  isNetworkSettings,
  type AudienceList,
  type NetworkSettings,
} from './settings';
import type { BackgroundStatus, ConnectionTestResult } from './status';
import type {
  AuthorPictureView,
  ConversationView,
  TabMarksView,
  WallView,
  BackupReminderView,
  CrosspostView,
  FriendView,
  HomeUnpaired,
  HomeView,
  InvitePreview,
  FriendsOfFriendsView,
  IdentityView,
  LockStateView,
  PendingMirrorView,
  MessageView,
  OutboxView,
  ProfileView,
  RelayView,
  RequestView,
} from './views';
import { isFingerprint } from '../core/identity/fingerprint';
import { isEnvelopeId } from '../core/envelope/envelope-id';
import { isMessageId } from '../core/messages/message-id';

/** Text is counted in UTF-16 units here; the core checks the encoded byte limit. */
const isText = isString({ min: 1, max: MESSAGE_LIMITS.textBytes });
const isPassphrase = isString({ min: 1, max: 1024 });

export const uiRequests = {
  status: defineRequest<BackgroundStatus>()(isEmpty),
  'settings.network.get': defineRequest<NetworkSettings>()(isEmpty),
  'settings.network.set': defineRequest<NetworkSettings>()(isNetworkSettings),
  /** Asks the network host to test each tracker's registration, STUN and TURN. */
  'network.test': defineRequest<ConnectionTestResult>()(isEmpty),
  /** Resolves once invite links on every allowed tracker site open in Murmur (the browser's). */
  'invites.scripts.ready': defineRequest<boolean>()(isEmpty),
  'identity.get': defineRequest<IdentityView | null>()(isEmpty),
  'identity.create': defineRequest<IdentityView>()(
    isObject({
      displayName: isString({ min: 1, max: 64 }),
      /** Optional: the key is then stored encrypted, and each browser session starts locked. */
      passphrase: isOptional(isPassphrase),
    }),
  ),
  'identity.lock-state': defineRequest<LockStateView>()(isEmpty),
  'identity.unlock': defineRequest<IdentityView>()(isObject({ passphrase: isPassphrase })),
  /** Set (no current), change, or remove (next: null) the passphrase. */
  'identity.passphrase': defineRequest<LockStateView>()(
    isObject({ current: isOptional(isPassphrase), next: isNullable(isPassphrase) }),
  ),
  /** First run with keys exported from Murmur elsewhere (armored, maybe passphrase-protected). */
  'identity.import': defineRequest<IdentityView>()(
    isObject({
      armored: isString({ min: 100, max: 64 * 1024 }),
      passphrase: isOptional(isString({ min: 1, max: 256 })),
    }),
  ),
  /** Adds (or asks) a friend from their contact card text (or web+murmur: link). */
  'friends.add': defineRequest<FriendView>()(
    isObject({
      card: isString({ min: 8, max: 16384 }),
      introduction: isOptional(isString({ max: MESSAGE_LIMITS.introductionBytes })),
    }),
  ),
  /** Who an invite link or card names, before adding them (nothing is stored). */
  'invites.preview': defineRequest<InvitePreview>()(
    isObject({ card: isString({ min: 8, max: 16384 }) }),
  ),
  'friends.remove': defineRequest<FriendView[]>()(
    isObject({ fingerprint: isFingerprint, block: isBoolean }),
  ),
  'requests.list': defineRequest<RequestView[]>()(isEmpty),
  'requests.answer': defineRequest<RequestView[]>()(
    isObject({ id: isEnvelopeId, accept: isBoolean }),
  ),
  'friends.list': defineRequest<FriendView[]>()(isEmpty),
  'messages.send': defineRequest<OutboxView>()(isObject({ to: isFingerprint, text: isText })),
  /** A wall post to these friends (all friends when `to` is absent). */
  'posts.publish': defineRequest<OutboxView>()(
    isObject({
      text: isText,
      to: isOptional(isArray(isFingerprint, { max: 5000 })),
      thumbnails: isOptional(isArray(isThumbnailData, { max: MESSAGE_LIMITS.thumbnails })),
    }),
  ),
  'messages.list': defineRequest<MessageView[]>()(
    isObject({
      kind: isOptional(isLiteral('post', 'direct', 'reply')),
      with: isOptional(isNullable(isFingerprint)),
      limit: isOptional(isInteger({ min: 1, max: 1000 })),
      /** Older than this receivedAt (ms): the next page back. */
      before: isOptional(isInteger({ min: 0, max: Number.MAX_SAFE_INTEGER })),
    }),
  ),
  'outbox.status': defineRequest<OutboxView | null>()(isObject({ id: isEnvelopeId })),
  /**
   * A reply under a post (`post`: the post's message id). Private goes to the post's author
   * only; public goes to the post's audience, which only the author knows — so for now only
   * the author replies in public, anyone else privately.
   */
  'replies.send': defineRequest<OutboxView>()(
    isObject({
      post: isEnvelopeId,
      parentReplyId: isOptional(isMessageId),
      visibility: isLiteral('public', 'private'),
      text: isText,
    }),
  ),
  /** Messages from friends since the popup was last opened (the badge). */
  /**
   * Our keys as armored OpenPGP text: the public key alone, or the private key too, which is
   * then always encrypted with the passphrase given (at least 8 characters).
   */
  'identity.export': defineRequest<string>()(
    isObject({ passphrase: isOptional(isString({ min: 8, max: 256 })) }),
  ),
  'relay.get': defineRequest<RelayView>()(isEmpty),
  'relay.set': defineRequest<RelayView>()(
    isObject({
      maxMessageBytes: isInteger({ min: 1024, max: 4 * 1024 * 1024 }),
      maxHoldSeconds: isInteger({ min: 3600, max: 90 * 86400 }),
      quotaBytes: isInteger({ min: 1024 * 1024, max: 4 * 1024 * 1024 * 1024 }),
    }),
  ),
  /** A person's wall: a friend's, or the user's own (app/walls.ts). */
  'wall.get': defineRequest<WallView>()(isObject({ fingerprint: isFingerprint })),
  /** The user compared the safety number with a friend and it matched (or takes that back). */
  'friends.verify': defineRequest<boolean>()(
    isObject({ fingerprint: isFingerprint, verified: isBoolean }),
  ),
  /** The chats list: each friend's conversation, newest first (app/conversations.ts). */
  'conversations.list': defineRequest<ConversationView[]>()(isEmpty),
  /** The conversation is open: what has arrived in it is read (the list's unread count). */
  'conversations.read': defineRequest<boolean>()(isObject({ with: isFingerprint })),
  /** When the feed was last looked at (ms, 0 if never); looking now moves the mark. */
  'feed.seen': defineRequest<number>()(isEmpty),
  /** What the Feed and Chats tabs carry: unread messages in chats, posts new since the feed. */
  'tabs.marks': defineRequest<TabMarksView>()(isEmpty),
  'unread.get': defineRequest<number>()(isEmpty),
  'unread.clear': defineRequest<number>()(isEmpty),
  'settings.notifications.get': defineRequest<boolean>()(isEmpty),
  'settings.notifications.set': defineRequest<boolean>()(isObject({ enabled: isBoolean })),
  'profile.get': defineRequest<ProfileView>()(isEmpty),
  /** Friends' pictures and the user's own: far less than the friends list, for every screen. */
  'pictures.list': defineRequest<AuthorPictureView[]>()(isEmpty),
  /** Name, status line and picture; sent to every friend. */
  'profile.set': defineRequest<ProfileView>()(
    isObject({
      name: isString({ min: 1, max: 64 }),
      status: isString({ max: MESSAGE_LIMITS.statusBytes }),
      avatar: isNullable(isThumbnailData),
    }),
  ),
  'fof.get': defineRequest<FriendsOfFriendsView>()(isEmpty),
  'fof.set': defineRequest<FriendsOfFriendsView>()(isObject({ share: isBoolean, show: isBoolean })),
  'lists.get': defineRequest<AudienceList[]>()(isEmpty),
  'lists.set': defineRequest<AudienceList[]>()(isObject({ lists: isAudienceLists })),
  'crosspost.get': defineRequest<CrosspostView>()(isEmpty),
  'crosspost.set': defineRequest<CrosspostView>()(isCrosspostSettings),
  /** The share window: the oldest Facebook post waiting for an answer, or null. */
  'mirror.pending': defineRequest<PendingMirrorView | null>()(isEmpty),
  /** Share that post with this audience (the user pressed Share in the share window). */
  'mirror.share': defineRequest<MirrorAck>()(
    isObject({ id: isString({ min: 1, max: 64 }), audience: isLiteral('all-friends', 'default') }),
  ),
  /** Skip that post (the first-time question counts as answered). */
  'mirror.skip': defineRequest<MirrorAck>()(isObject({ id: isString({ min: 1, max: 64 }) })),
  'backup.reminder.get': defineRequest<BackupReminderView>()(isEmpty),
  /** "Not now": quiet for a month. */
  'backup.reminder.dismiss': defineRequest<BackupReminderView>()(isEmpty),
  /** Your Murmur home, if you paired one (app/my-home.ts). */
  'home.get': defineRequest<HomeView | null>()(isEmpty),
  /** Pair with the home whose pairing link this is. */
  'home.pair': defineRequest<HomeView>()(isObject({ link: isString({ min: 8, max: 16384 }) })),
  /** Tell the home to forget us (if online), and forget it: nothing goes to it any more. */
  'home.unpair': defineRequest<HomeUnpaired>()(isEmpty),
} satisfies RequestMap;

export type UiRequests = typeof uiRequests;
