/** What the background shows the UI: plain data, no keys, ready to render as text. */
import type { OutboxStatus } from '../core/node/outbox-status';
import type { UnreachableReason } from './status';
import type { ThumbnailData } from '../core/messages/thumbnail-data';
import type { Fingerprint } from '../core/identity/fingerprint';
import type { EnvelopeId } from '../core/envelope/envelope-id';
import type { MessageId } from '../core/messages/message-id';
import type { FriendsInCommon } from './stranger-views';

/** How Murmur reaches a friend right now, in the terms the Friends list uses. */
export type FriendConnection =
  | { state: 'online'; via: 'direct' | 'relay' | 'unknown' }
  | { state: 'offline'; waiting: number; carriedBy: string[] }
  | { state: 'unreachable'; reason: UnreachableReason };

export interface IdentityView {
  fingerprint: Fingerprint;
  displayName: string;
  /** Our contact card, as text and as a web+murmur: link. */
  card: string;
  cardLink: string;
  /** The card as a link to the invite page of our tracker (null if its address is unreadable). */
  inviteLink: string | null;
  peerId: string;
}

export interface FriendView {
  fingerprint: Fingerprint;
  displayName: string;
  peerId: string;
  tracker: string;
  /** A sync session with them is running now. */
  online: boolean;
  /** Online directly or through the relay, offline, or online but unreachable (and why). */
  connection: FriendConnection;
  /** We asked; they have not accepted yet. */
  asked: boolean;
  /** What they call themselves, when it differs from the name the user knows them by. */
  callsThemselves: string | null;
  /** Another contact has the same name: the two are told apart by the rest of the entry. */
  nameClash: boolean;
  /** 30 digits both friends see alike: compare them by phone to be sure of each other's keys. */
  safetyNumber: string;
  /** Whether their key can be used: expired and unusable keys are shown, with what to do. */
  key: ContactKeyView;
  /** Their status line and picture, as they last sent them. */
  status: string;
  avatar: ThumbnailData | null;
  /** Their friends, if they share them and we look (mutual: also our friend). */
  theirFriends: { name: string; mutual: boolean }[];
}

/**
 * A contact's key: valid (and when it expires, if ever), expired (their old messages still
 * read, nothing new goes to them), or unusable (with the reason; nothing goes either way).
 */
export type ContactKeyView =
  | { state: 'valid'; expiresAt: number | null }
  | { state: 'expired'; expiredAt: number }
  | { state: 'unusable'; reason: string };

/** Friends-of-friends: whether we share our friends with friends, and look at theirs. */
export interface FriendsOfFriendsView {
  share: boolean;
  show: boolean;
}

/** The user's own profile: the name friends see, a status line, a picture. */
export interface ProfileView {
  name: string;
  status: string;
  avatar: ThumbnailData | null;
}

/** Someone's profile picture, for every post and message of theirs on screen. */
export interface AuthorPictureView {
  fingerprint: Fingerprint;
  picture: ThumbnailData;
}

/** A person's wall: who they are, and their posts (to the user, or the user's own). */
export interface WallView {
  person: WallPerson;
  /** Newest first. */
  posts: WallPost[];
}

export type WallPerson =
  | {
      kind: 'me';
      fingerprint: Fingerprint;
      name: string;
      status: string;
      avatar: ThumbnailData | null;
    }
  | {
      kind: 'friend';
      fingerprint: Fingerprint;
      name: string;
      /** What they call themselves, when it differs from the user's name for them. */
      callsThemselves: string | null;
      status: string;
      avatar: ThumbnailData | null;
      online: boolean;
      safetyNumber: string;
      /** The user compared the safety number with them and said it matched. */
      verified: boolean;
      /** Friends the two share, as far as their shared list tells. */
      inCommon: FriendsInCommon;
    };

export interface WallPost {
  post: MessageView;
  /** On the user's own wall: the names of those each post went to; else null. */
  sentTo: string[] | null;
}

/** What the tabs carry (src/app/tab-marks.ts). */
export interface TabMarksView {
  unreadInChats: number;
  newPosts: number;
}

/** One friend's conversation in the chats list. */
export interface ConversationView {
  with: Fingerprint;
  name: string;
  avatar: ThumbnailData | null;
  online: boolean;
  /** The newest message either way; null before the first. */
  last: LastMessageView | null;
  /** Messages from them since the conversation was last open. */
  unread: number;
}

export interface LastMessageView {
  text: string;
  /** When it arrived (ms): the time the list sorts and shows by. */
  at: number;
  mine: boolean;
}

export type { FriendsInCommon, InvitePreview, RequestView } from './stranger-views';

export interface MessageView {
  id: EnvelopeId;
  kind: 'post' | 'direct' | 'reply';
  authorFingerprint: Fingerprint;
  authorName: string;
  /**
   * The author is one of the user's contacts (authorName is the user's name for them); else
   * authorName is only what the author calls themselves (a shared reply's author).
   */
  authorKnown: boolean;
  /** Another contact (or the user) has the author's name, and the author is not verified. */
  authorNameClash: boolean;
  mine: boolean;
  text: string;
  /** When the author wrote it (ms). */
  createdAt: number;
  receivedAt: number;
  conversationWith: string | null;
  /** The author's OpenPGP signature was checked when it arrived (always true for own). */
  verified: boolean;
  /** The item's own id (hex), which replies name. */
  itemId: MessageId;
  /** For replies: the post (item id, hex) and the reply answered (null: the post itself). */
  reply: {
    postId: MessageId;
    parentReplyId: MessageId | null;
    visibility: 'public' | 'private';
  } | null;
  /** For a public reply the post's author passed on: the author's name; else null. */
  sharedBy: string | null;
  /** For posts mirrored from Facebook: when they were published there (ms); else null. */
  mirroredFromFacebookAt: number | null;
  /** For the user's own messages: queued, held by friends, delivered, or expired, by whom. */
  delivery: DeliveryView | null;
  /** Pictures as thumbnails (data as base64url), shown inline. */
  thumbnails: { type: 'jpeg' | 'png' | 'webp'; width: number; height: number; data: string }[];
}

export type OutboxView = OutboxStatus;

/** How far an own message got, with the people it waits for and the friends who carry it. */
export interface DeliveryView extends OutboxStatus {
  /** Recipients without it who are offline, by name. */
  waitingFor: string[];
  /** Recipients without it who are online: it is on its way to them. */
  sending: number;
  /** Friends, not recipients, holding a copy for the offline ones, by name. */
  carriedBy: string[];
  /** Recipients without it whose Murmur home holds it, by name: it waits there for them. */
  atTheirHome: string[];
  /** The user's own Murmur home holds it, to hand on while the browser is closed. */
  atMyHome: boolean;
}

/** The relay policy (what we carry for friends) and how much of the quota is in use. */
export interface RelayView {
  maxMessageBytes: number;
  maxHoldSeconds: number;
  quotaBytes: number;
  usedBytes: number;
}

/** Whether the popup should remind the user to make a backup. */
export interface BackupReminderView {
  due: boolean;
  lastBackupAt: number | null;
  /** Days since the last backup, or since the identity was made if there was none. */
  days: number;
}

/** shared; waiting for the user's answer; not shared: off, skipped, or too many at once. */
export type LastPostOutcome = 'shared' | 'asking' | 'off' | 'skipped' | 'busy';

/** Options › Facebook: the settings, and whether the composer was recognised lately. */
export interface CrosspostView {
  mode: 'off' | 'ask' | 'auto';
  audience: 'all-friends' | Fingerprint[];
  /** Set when a Facebook composer was seen but not recognised (cleared when one is). */
  unrecognised: { since: number; reason: string; host: string } | null;
  /** What became of the last post Murmur saw on Facebook, and when. */
  lastPost: { at: number; outcome: LastPostOutcome } | null;
}

/** The share window: a post published on Facebook, waiting for Share or Skip. */
export interface PendingMirrorView {
  id: string;
  /** Exactly what would be shared, shown as text. */
  text: string;
  thumbnails: ThumbnailData[];
  publishedAt: number;
  /** Who "your usual audience" is today: everyone, or these friends' names. */
  usualAudience: 'all-friends' | string[];
  /** Posts waiting in all, this one included. */
  waiting: number;
}

/** Whether this browser has an identity, and whether it waits for its passphrase. */
export interface LockStateView {
  exists: boolean;
  locked: boolean;
  /** The key is stored under a passphrase. */
  protected: boolean;
  displayName: string;
}

/** The user's Murmur home, as Options shows it. */
/** Unpaired: whether the home confirmed that it forgot us (it was online to be told). */
export interface HomeUnpaired {
  homeForgotUs: boolean;
}

export interface HomeView {
  fingerprint: Fingerprint;
  /** The name the home calls itself (from its pairing link). */
  displayName: string;
  /** Asked (it has not yet answered our pairing request), or paired. */
  state: 'pairing' | 'paired';
  /** A data channel to it is open now. */
  linked: boolean;
  /** When a session with it last began or ended (ms since the epoch); null if never. */
  lastSeenAt: number | null;
  /** The user's own messages it holds for friends who have not got them yet. */
  carryingForFriends: number;
}
