/**
 * Murmur, the application: its life (identity, lock), friends and requests, sending and
 * reading, and what each arriving message means. The same in the extension (over Dexie and the
 * extension's settings), in tests (over memory) and in a headless node; whoever hosts it hands
 * it the data channels the network opens (`attach`) and tells the user what it reports.
 */
import type { Identity } from '../core/identity/identity';
import type { MurmurNode } from '../core/node/node';
import type { NodeStore } from '../core/state/store-port';
import type {
  ConversationView,
  WallView,
  FriendView,
  IdentityView,
  LockStateView,
  MessageView,
  OutboxView,
  ProfileView,
  RequestView,
} from '../messaging/views';
import { identityViewOf, requestCardOf, type UnlockedKeyCache } from './account';
import { currentInviteSecret, honouredInviteSecrets } from './invite-secrets';
import { friendAddresses } from './friend-addresses';
import type { PeerId } from '../core/tracker/peer-id';
import { conversationList } from './conversations';
import { wallOf } from './walls';
import { declineRequest, requestById } from './friend-requests';
import { requestsToShow } from './request-checks';
import { startSession, type PeerChannel } from './call-friend';
import { friendViews } from './friend-view';
import type { SettingsPort } from './settings-port';
import { friendsOfFriendsSettings } from './friends-of-friends';
import { profileOf, updateProfile } from './profiles';
import { listMessageViews, messageView, type MessageQuery } from './message-view';
import type { ReplyRequest } from './reply';
import type { FriendAddress } from '../messaging/host-requests';
import type { UpdateTopic } from '../messaging/page-updates';
import { addContact } from './add-contact';
import { NO_EXTRAS, publish, sendDirect, sendReply, type PostExtras } from './sending';
import { MurmurLife } from './murmur-life';
import { activeContacts, removeContact } from './contacts';
import { arrivals } from './arrivals';
import { Refusal } from '../core/refusal';
import type { Fingerprint } from '../core/identity/fingerprint';
import type { EnvelopeId } from '../core/envelope/envelope-id';

export interface MurmurOptions {
  store: NodeStore;
  /** The user's small settings (own profile, friends-of-friends choices). */
  settings: SettingsPort;
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
  /** Something pages show changed (they ask again). */
  changed: (...topics: UpdateTopic[]) => void;
}

export class Murmur {
  private readonly life: MurmurLife;
  private readonly names = new Map<string, string>();

  constructor(private readonly options: MurmurOptions) {
    this.life = new MurmurLife({
      store: options.store,
      unlockedKeys: options.unlockedKeys,
      started: (contacts) => {
        for (const c of contacts) this.names.set(c.fingerprint, c.displayName);
      },
      hooks: arrivals({
        ...options,
        names: this.names,
        viewOf: (id) => this.viewOf(id),
        runningNode: () => this.runningNode(),
      }),
    });
  }

  /** Whether there is an identity, whether its key has a passphrase, and whether it waits for it. */
  lockState(): Promise<LockStateView> {
    return this.life.lockState();
  }

  async unlock(passphrase: string): Promise<IdentityView> {
    return this.viewOfIdentity(await this.life.unlock(passphrase));
  }

  async setPassphrase(current: string | undefined, next: string | null): Promise<void> {
    await this.life.setPassphrase(current, next);
  }

  /** Before the store is replaced (a restore): the node is dropped (its host ends the sessions). */
  async stop(): Promise<void> {
    await this.life.stop();
    this.names.clear();
  }

  /** Starts again from whatever the store holds now. */
  async start(): Promise<IdentityView | null> {
    await this.life.start();
    return this.identityView();
  }

  /** The unlocked identity, for the host's own work (signing the archive); never sent. */
  async currentIdentity(): Promise<Identity | null> {
    return (await this.life.runningOrNull())?.identity ?? null;
  }

  async identityCreatedAt(): Promise<number | null> {
    if (!(await this.life.runningOrNull())) return null;
    return (await this.options.store.getIdentity())?.createdAt ?? null;
  }

  private async requireNode(): Promise<MurmurNode> {
    return (await this.life.running()).node;
  }

  async identityView(): Promise<IdentityView | null> {
    const running = await this.life.runningOrNull();
    return running ? this.viewOfIdentity(running.identity) : null;
  }

  private async viewOfIdentity(identity: Identity): Promise<IdentityView> {
    const invite = await currentInviteSecret(this.options.settings);
    // A new secret: the network host admits calls proving it from now on.
    if (invite.made) this.options.friendsChanged();
    return identityViewOf(identity, await this.options.address(), invite.secret);
  }

  async createIdentity(displayName: string, passphrase?: string): Promise<IdentityView> {
    return this.viewOfIdentity(await this.life.create(displayName, passphrase));
  }

  async importIdentity(armored: string, passphrase?: string): Promise<IdentityView> {
    return this.viewOfIdentity(await this.life.import(armored, passphrase));
  }

  /**
   * Adds the person whose card was pasted. If they already asked us, they are a friend at
   * once; otherwise they are asked (our card and `introduction`, handed over when they are
   * online) and become a friend when they accept.
   */
  async addFriend(cardText: string, introduction = ''): Promise<FriendView> {
    const { node, identity, contactKeys } = await this.life.running();
    const { store } = this.options;
    const active = await this.activeContacts();
    const added = await addContact(node, identity, store, active, cardText, introduction);
    this.names.set(added.fingerprint, added.displayName);
    contactKeys.set(added.fingerprint, { state: 'valid', expiresAt: added.keyExpiresAt });
    this.options.friendsChanged();
    const view = (await this.friends()).find((f) => f.fingerprint === added.fingerprint);
    if (!view) throw new Error('the new contact is missing from the friends list');
    return view;
  }

  async friends(): Promise<FriendView[]> {
    const running = await this.life.runningOrNull();
    const { show } = await friendsOfFriendsSettings(this.options.settings);
    return friendViews(await this.activeContacts(), running, show);
  }

  /** The running node, for the host's own sends (profile, friend list); null if none. */
  async runningNode(): Promise<MurmurNode | null> {
    return (await this.life.runningOrNull())?.node ?? null;
  }

  /** Where the host should look for our friends. */
  async friendAddresses(): Promise<FriendAddress[]> {
    const me = (await this.options.address()).peerId as PeerId;
    return friendAddresses(await this.activeContacts(), me);
  }

  /** The secrets of the user's invite links still honoured: the host admits their tokens. */
  inviteSecrets(): Promise<string[]> {
    return honouredInviteSecrets(this.options.settings);
  }

  private async activeContacts() {
    await this.life.now();
    return activeContacts(this.options.store);
  }

  /** Remove: no longer a friend (they may ask again). Block: nothing from them, ever. */
  async removeFriend(fingerprint: Fingerprint, block: boolean): Promise<void> {
    const running = await this.life.runningOrNull();
    const how = block ? 'block' : 'remove';
    const ours = running && { keyring: running.node.keyring, contactKeys: running.contactKeys };
    if (await removeContact(this.options.store, fingerprint, how, ours))
      this.options.friendsChanged();
  }

  exportKeys(passphrase?: string): Promise<string> {
    return this.life.exportKeys(passphrase);
  }

  /** The chats list: every friend's conversation, newest first. */
  async conversations(lastRead: Record<string, number>): Promise<ConversationView[]> {
    const running = await this.life.runningOrNull();
    const online = new Set<string>(running?.node.connectedFriends() ?? []);
    return conversationList(this.options.store, await this.activeContacts(), online, lastRead);
  }

  /** A friend's wall, or the user's own (walls.ts). */
  async wall(who: Fingerprint): Promise<WallView> {
    const { node, identity } = await this.life.running();
    const profile = await profileOf(this.options.settings, identity);
    const online = new Set<string>(node.connectedFriends());
    const { store } = this.options;
    return wallOf(who, {
      store,
      me: identity,
      keyring: node.keyring,
      names: this.names,
      online,
      profile,
    });
  }

  async requests(): Promise<RequestView[]> {
    await this.life.now();
    return requestsToShow(this.options.store, (await this.life.runningOrNull())?.identity ?? null);
  }

  /** Accept: they become a friend (and our browsers connect). Decline: never shown again. */
  async answerRequest(id: EnvelopeId, accept: boolean): Promise<void> {
    await this.requireNode();
    const request = await requestById(this.options.store, id);
    if (!request) throw new Refusal('request-missing', 'no such request');
    if (accept) {
      await this.addFriend(request.card);
      return;
    }
    await declineRequest(this.options.store, request);
  }

  async profile(): Promise<ProfileView> {
    return profileOf(this.options.settings, (await this.requireNode()).keyring.me);
  }

  /** A new name, status or picture: kept, and sent to every friend. */
  async setProfile(profile: ProfileView): Promise<ProfileView> {
    const node = await this.requireNode();
    await updateProfile(node, this.options.store, this.options.settings, profile);
    return profileOf(this.options.settings, node.keyring.me);
  }

  async sendDirect(to: Fingerprint, text: string): Promise<OutboxView> {
    return sendDirect(await this.requireNode(), to, text);
  }

  async publish(
    text: string,
    to?: Fingerprint[],
    extra: PostExtras = NO_EXTRAS,
  ): Promise<OutboxView> {
    return publish(await this.requireNode(), this.options.store, text, to, extra);
  }

  async reply(request: ReplyRequest): Promise<OutboxView> {
    return sendReply(await this.requireNode(), this.options.store, request);
  }

  async outboxStatus(id: EnvelopeId): Promise<OutboxView | null> {
    return (await this.requireNode()).status(id);
  }

  async messages(query: MessageQuery): Promise<MessageView[]> {
    const running = await this.life.runningOrNull();
    const online = new Set<string>(running?.node.connectedFriends() ?? []);
    const me = running?.identity ?? null;
    return listMessageViews(this.options.store, query, me, this.names, online);
  }

  private async viewOf(id: EnvelopeId): Promise<MessageView | null> {
    const stored = await this.options.store.getMessage(id);
    return stored ? messageView(stored, await this.viewer(), this.names) : null;
  }

  /** Who reads: the running identity, else nobody (a locked Murmur shows no one as "me"). */
  private async viewer(): Promise<Identity | null> {
    return (await this.life.runningOrNull())?.identity ?? null;
  }

  /** A data channel the network opened gets a session with the node (none while not running). */
  async attach(channel: PeerChannel, initiator: boolean): Promise<void> {
    const running = await this.life.runningOrNull();
    if (!running) return channel.close();
    const ourCard = async () => requestCardOf(running.identity, await this.options.address());
    await startSession(channel, initiator, running.node, this.options.store, ourCard);
  }
}
