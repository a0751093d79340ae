/**
 * The running Murmur of this profile: identity, friends, the core node over the Dexie store,
 * and one sync session per data channel the network host opens. The UI's requests and the
 * host's link events both end up here.
 */
import { contactCardFromText } from '../core/identity/contact-card';
import { exportPrivateKey, exportPublicKey, type Identity } from '../core/identity/identity';
import { Keyring } from '../core/keyring';
import { readStoredFriendKey, requireValid } from '../core/identity/friend-key';
import type { Message, PostMessage } from '../core/messages/kinds';
import { MurmurNode } from '../core/node/node';
import type { StoredMessage } from '../core/state/records';
import type { NodeStore } from '../core/state/store-port';
import { randomBytes } from '../core/bytes';
import { normaliseTrackerUrl } from '../core/tracker-url';
import type {
  FriendView,
  IdentityView,
  LockStateView,
  MessageView,
  OutboxView,
  ProfileView,
  RequestView,
} from '../messaging/views';
import {
  changePassphrase,
  contactCardOf,
  createAccount,
  identityViewOf,
  importAccount,
  loadIdentity,
  NoIdentityError,
  unlockIdentity,
  type UnlockedKeyCache,
} from '../app/account';
import {
  announceIfNew,
  declineRequest,
  pendingRequests,
  requestById,
} from '../app/friend-requests';
import { callFriend } from './call-friend';
import { acceptedFriends } from '../app/accepted-friends';
import { friendViews } from '../app/friend-view';
import { friendsOfFriendsSettings } from './friends-of-friends';
import { loadContactKeys, type ContactKeys } from '../app/contact-keys';
import { applyFriendUpdate } from './friend-updates';
import { catchUpProfile, profileOf, updateProfile } from './profiles';
import { unreadPerFriend } from '../app/unread-counts';
import type { LinkChannel } from './link-channel';
import { LinkRouter } from './link-router';
import { listMessageViews, messageView, type MessageQuery } from '../app/message-view';
import { addressReply, shareReply, type ReplyRequest } from '../app/reply';
import type { Client } from '../messaging/client';
import type { FriendAddress, HostRequests } from '../messaging/host-requests';

type PostExtras = Pick<PostMessage, 'thumbnails' | 'mirroredFrom'>;
const NO_EXTRAS: PostExtras = { thumbnails: [], mirroredFrom: null };

export interface ServiceOptions {
  store: NodeStore;
  host: Client<HostRequests>;
  /** Our tracker peer id and the tracker named on our card. */
  address: () => Promise<{ peerId: string; tracker: string }>;
  /** Memory-only storage for the unlocked key of a passphrase-protected identity. */
  unlockedKeys: UnlockedKeyCache;
  /** Friends changed: the host must learn their addresses. */
  friendsChanged: () => void;
  /** A message for the user arrived (badge, notification). */
  messageArrived?: (view: MessageView) => void;
  /** Someone asked to be our friend. */
  requestArrived?: (displayName: string) => void;
}

/**
 * Where this Murmur is in its life. Running holds everything that exists only together: the
 * unlocked identity, the node over it and each contact's key state.
 */
type Life =
  | { kind: 'no-identity' }
  | { kind: 'locked'; displayName: string }
  | Running
  /** A restore is replacing the store: nothing runs until start(). */
  | { kind: 'stopping' };

interface Running {
  kind: 'running';
  identity: Identity;
  node: MurmurNode;
  contactKeys: ContactKeys;
}

export class MurmurService {
  private life: Life = { kind: 'no-identity' };
  private readonly names = new Map<string, string>();
  private ready: Promise<void>;

  readonly links: LinkRouter;

  constructor(private readonly options: ServiceOptions) {
    this.links = new LinkRouter(options.host, (channel, initiator) =>
      this.attachLink(channel, initiator),
    );
    this.ready = this.load();
  }

  private async load(): Promise<void> {
    const loaded = await loadIdentity(this.options.store, this.options.unlockedKeys);
    if (loaded.kind === 'locked') this.life = { kind: 'locked', displayName: loaded.displayName };
    else if (loaded.kind === 'ready') await this.startNode(loaded.identity);
    else this.life = { kind: 'no-identity' };
  }

  /** Whether there is an identity, whether its key has a passphrase, and whether it waits for it. */
  async lockState(): Promise<LockStateView> {
    await this.ready;
    const record = await this.options.store.getIdentity();
    return {
      exists: record !== undefined,
      locked: this.life.kind === 'locked',
      protected: record?.protected ?? false,
      displayName:
        this.life.kind === 'running' ? this.life.identity.displayName : (record?.displayName ?? ''),
    };
  }

  async unlock(passphrase: string): Promise<IdentityView> {
    await this.ready;
    if (this.life.kind === 'running') return this.viewOfIdentity(this.life.identity);
    const identity = await unlockIdentity(
      this.options.store,
      this.options.unlockedKeys,
      passphrase,
    );
    return this.viewOfIdentity((await this.startNode(identity)).identity);
  }

  /** Sets, changes or removes (next: null) the passphrase; `current` when there is one. */
  async setPassphrase(current: string | undefined, next: string | null): Promise<void> {
    const { identity } = await this.requireRunning();
    await changePassphrase(this.options.store, this.options.unlockedKeys, identity, current, next);
  }

  private async startNode(identity: Identity): Promise<Running> {
    const keyring = new Keyring(identity);
    const contacts = await this.options.store.listContacts();
    for (const contact of contacts) this.names.set(contact.fingerprint, contact.displayName);
    // Someone we asked is in the keyring too: when they accept and call, we know them.
    const contactKeys = await loadContactKeys(
      contacts.filter((c) => c.state === 'friend' || c.state === 'requested'),
      keyring,
      Date.now(),
    );
    const node: MurmurNode = new MurmurNode({
      keyring,
      store: this.options.store,
      onSessionEstablished: (peer) => void this.confirmed(peer.fingerprintHex),
      events: {
        friendRequest: (opened) =>
          void announceIfNew(this.options.store, opened, this.options.requestArrived),
        message: (opened) => {
          if (applyFriendUpdate(this.options.store, opened)) return;
          void shareReply(node, this.options.store, opened, this.names);
          void this.viewOf(opened.envelope.id).then((view) => {
            if (view) this.options.messageArrived?.(view);
          });
        },
      },
    });
    const running: Running = { kind: 'running', identity, node, contactKeys };
    this.life = running;
    return running;
  }

  /** Before the store is replaced (a restore): every session ends and the node is dropped. */
  async stop(): Promise<void> {
    await this.ready;
    this.links.closeAll();
    this.life = { kind: 'stopping' };
    this.names.clear();
  }

  /** Starts again from whatever the store holds now. */
  async start(): Promise<IdentityView | null> {
    this.ready = this.load();
    return this.identityView();
  }

  /** The unlocked identity, for the background's own work (signing the archive); never sent. */
  async currentIdentity(): Promise<Identity | null> {
    await this.ready;
    return this.life.kind === 'running' ? this.life.identity : null;
  }

  async identityCreatedAt(): Promise<number | null> {
    await this.ready;
    if (this.life.kind !== 'running') return null;
    return (await this.options.store.getIdentity())?.createdAt ?? null;
  }

  private async requireRunning(): Promise<Running> {
    await this.ready;
    if (this.life.kind !== 'running') throw new NoIdentityError();
    return this.life;
  }

  private async requireNode(): Promise<MurmurNode> {
    return (await this.requireRunning()).node;
  }

  async identityView(): Promise<IdentityView | null> {
    await this.ready;
    return this.life.kind === 'running' ? this.viewOfIdentity(this.life.identity) : null;
  }

  private async viewOfIdentity(identity: Identity): Promise<IdentityView> {
    return identityViewOf(identity, await this.options.address());
  }

  async createIdentity(displayName: string, passphrase?: string): Promise<IdentityView> {
    await this.ready;
    const identity = await createAccount(
      this.options.store,
      this.options.unlockedKeys,
      displayName,
      passphrase,
    );
    return this.viewOfIdentity((await this.startNode(identity)).identity);
  }

  async importIdentity(armored: string, passphrase?: string): Promise<IdentityView> {
    await this.ready;
    const identity = await importAccount(
      this.options.store,
      this.options.unlockedKeys,
      armored,
      passphrase,
    );
    return this.viewOfIdentity((await this.startNode(identity)).identity);
  }

  /**
   * Adds the person whose card was pasted. If they already asked us, they are a friend at
   * once; otherwise they are asked (our card and `introduction`, handed over when they are
   * online) and become a friend when they accept.
   */
  async addFriend(cardText: string, introduction = ''): Promise<FriendView> {
    const { node, identity, contactKeys } = await this.requireRunning();
    const card = contactCardFromText(cardText);
    const read = requireValid(await readStoredFriendKey(card.publicKey));
    const friend = await node.keyring.addFriendAsync(read.key);
    if (friend.fingerprintHex === identity.fingerprintHex) {
      node.keyring.removeFriend(friend.fingerprintHex);
      throw new RangeError('that is your own card');
    }
    // One peer id, one contact: a card claiming a friend's address must not take their link.
    const squatted = (await this.activeContacts()).find(
      (c) =>
        c.fingerprint !== friend.fingerprintHex &&
        c.peerId === card.peerId &&
        normaliseTrackerUrl(c.tracker) === normaliseTrackerUrl(card.tracker),
    );
    if (squatted) {
      if (!(await this.options.store.getContact(friend.fingerprintHex)))
        node.keyring.removeFriend(friend.fingerprintHex);
      throw new RangeError(`this card claims ${squatted.displayName}'s address`);
    }
    const theyAsked = (await pendingRequests(this.options.store)).some(
      (r) => r.fingerprint === friend.fingerprintHex,
    );
    const existing = await this.options.store.getContact(friend.fingerprintHex);
    await this.options.store.putContact({
      fingerprint: friend.fingerprintHex,
      publicKey: card.publicKey,
      displayName: card.displayName,
      peerId: card.peerId,
      tracker: card.tracker,
      state: theyAsked || existing?.state === 'friend' ? 'friend' : 'requested',
      addedAt: existing?.addedAt ?? Date.now(),
      introduction,
    });
    this.names.set(friend.fingerprintHex, card.displayName);
    contactKeys.set(friend.fingerprintHex, { state: 'valid', expiresAt: read.expiresAt });
    this.options.friendsChanged();
    const view = (await this.friends()).find((f) => f.fingerprint === friend.fingerprintHex);
    if (!view) throw new Error('the new contact is missing from the friends list');
    return view;
  }

  async friends(): Promise<FriendView[]> {
    await this.ready;
    const running = this.life.kind === 'running' ? this.life : null;
    return friendViews(
      await this.activeContacts(),
      new Set(running?.node.connectedFriends() ?? []),
      running?.identity ?? null,
      running?.node.keyring ?? null,
      running?.contactKeys ?? new Map(),
      (await friendsOfFriendsSettings()).show,
    );
  }
  /** The running node, for the background's own sends (profile, friend list); null if none. */
  async runningNode(): Promise<MurmurNode | null> {
    await this.ready;
    return this.life.kind === 'running' ? this.life.node : null;
  }

  /** Where the host should look for our friends. */
  async friendAddresses(): Promise<FriendAddress[]> {
    return (await this.activeContacts()).map(({ peerId, tracker }) => ({ peerId, tracker }));
  }

  /** Friends, and people we asked: everyone the network host should look for. */
  private async activeContacts() {
    await this.ready;
    return (await this.options.store.listContacts()).filter(
      (c) => c.state === 'friend' || c.state === 'requested',
    );
  }

  /** Remove: no longer a friend (they may ask again). Block: nothing from them, ever. */
  async removeFriend(fingerprint: string, block: boolean): Promise<void> {
    // Works without a running node (locked, or a contact whose key broke): it is the way out.
    await this.ready;
    const contact = await this.options.store.getContact(fingerprint);
    if (!contact) return;
    if (this.life.kind === 'running') {
      this.life.node.keyring.removeFriend(fingerprint);
      this.life.contactKeys.delete(fingerprint);
    }
    if (block) await this.options.store.putContact({ ...contact, state: 'blocked' });
    else await this.options.store.deleteContact(fingerprint);
    this.options.friendsChanged();
  }

  async exportKeys(passphrase?: string): Promise<string> {
    const { identity } = await this.requireRunning();
    return passphrase ? exportPrivateKey(identity, passphrase) : exportPublicKey(identity);
  }

  /** Unread messages per friend, since each conversation was last read. */
  async conversationsUnread(lastRead: Record<string, number>): Promise<Record<string, number>> {
    await this.ready;
    const friends = new Set((await this.activeContacts()).map((c) => c.fingerprint));
    return unreadPerFriend(this.options.store, friends, lastRead);
  }

  async requests(): Promise<RequestView[]> {
    await this.ready;
    return pendingRequests(this.options.store);
  }

  /** Accept: they become a friend (and our browsers connect). Decline: never shown again. */
  async answerRequest(id: string, accept: boolean): Promise<void> {
    await this.requireNode();
    const request = await requestById(this.options.store, id);
    if (!request) throw new RangeError('no such request');
    if (accept) {
      await this.addFriend(request.card);
      return;
    }
    await declineRequest(this.options.store, request);
  }

  /** A session with someone we had asked: they accepted. */
  private async confirmed(fingerprint: string): Promise<void> {
    const contact = await this.options.store.getContact(fingerprint);
    if (contact?.state === 'requested')
      await this.options.store.putContact({ ...contact, state: 'friend' });
    if (this.life.kind === 'running')
      await catchUpProfile(this.life.node, this.options.store, fingerprint);
  }

  async profile(): Promise<ProfileView> {
    return profileOf((await this.requireNode()).keyring.me);
  }

  /** A new name, status or picture: kept, and sent to every friend. */
  async setProfile(profile: ProfileView): Promise<ProfileView> {
    const node = await this.requireNode();
    await updateProfile(node, this.options.store, profile);
    return profileOf(node.keyring.me);
  }

  async sendDirect(to: string, text: string): Promise<OutboxView> {
    const node = await this.requireNode();
    const message: Message = { kind: 'direct', id: randomBytes(16), createdAt: Date.now(), text };
    const entry = await node.send(message, [to]);
    return statusOfSent(node, entry.id);
  }

  /**
   * A wall post to all friends, or to the chosen ones (a saved list may name someone who is no
   * longer a friend: they are left out); `extra` for pictures and mirrored posts.
   */
  async publish(text: string, to?: string[], extra: PostExtras = NO_EXTRAS): Promise<OutboxView> {
    const node = await this.requireNode();
    const recipients =
      to?.filter((fp) => node.keyring.writableFriend(fp)) ??
      (await acceptedFriends(node.keyring, this.options.store));
    if (recipients.length === 0) throw new RangeError('add a friend first: nobody would see it');
    const message: PostMessage = {
      kind: 'post',
      id: randomBytes(16),
      createdAt: Date.now(),
      text,
      audience: to ? { kind: 'chosen' } : { kind: 'all-friends' },
      ...extra,
    };
    const entry = await node.send(message, recipients);
    return statusOfSent(node, entry.id);
  }

  async reply(request: ReplyRequest): Promise<OutboxView> {
    const { node, identity } = await this.requireRunning();
    const { message, recipients } = await addressReply(
      this.options.store,
      identity.fingerprintHex,
      request,
    );
    const entry = await node.send(message, recipients);
    return statusOfSent(node, entry.id);
  }

  async outboxStatus(id: string): Promise<OutboxView | null> {
    return (await this.requireNode()).status(id);
  }

  async messages(query: MessageQuery): Promise<MessageView[]> {
    await this.ready;
    return listMessageViews(this.options.store, query, this.viewer(), this.names);
  }

  private async viewOf(id: string): Promise<MessageView | null> {
    const stored = await this.options.store.getMessage(id);
    return stored ? this.view(stored) : null;
  }

  private view(m: StoredMessage): MessageView | null {
    return messageView(m, this.viewer(), this.names);
  }

  /** Who reads: the running identity, else nobody (a locked Murmur shows no one as "me"). */
  private viewer(): Identity | null {
    return this.life.kind === 'running' ? this.life.identity : null;
  }

  /** Link events from the network host: each opened channel gets a session with the node. */
  private readonly attachLink = async (channel: LinkChannel, initiator: boolean) => {
    await this.ready;
    if (this.life.kind !== 'running') return channel.close();
    const { node, identity } = this.life;
    // Answering: a friend's HELLO, or a stranger's introduction (a friend request).
    if (!initiator) return void node.answer(channel, { introductions: true });
    const { peerId, tracker } = await this.options.address();
    await callFriend(channel, node, this.options.store, () =>
      contactCardFromText(contactCardOf(identity, peerId, tracker).text),
    );
  };
}

/** A message just sent is in the outbox: its status is there. */
async function statusOfSent(node: MurmurNode, id: string): Promise<OutboxView> {
  const status = await node.status(id);
  if (!status) throw new Error('a message just sent is missing from the outbox');
  return status;
}
