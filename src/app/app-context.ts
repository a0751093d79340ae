/**
 * What every feature of the app shares: the host's ports and the app's life (identity, lock,
 * running node). Features read names and contacts from the store each time, so there is no
 * second copy to fall out of date.
 */
import type { Identity } from '../core/identity/identity';
import type { MurmurNode, NodeOptions } from '../core/node/node';
import type { ContactRecord } from '../core/state/records';
import { activeContacts } from './contacts';
import type { AppPorts } from './app-ports';
import { MurmurLife, type Running } from './murmur-life';
import { shareFriendList } from './friends-of-friends';
import { homeOwner } from './home-owner';

export class AppContext {
  readonly life: MurmurLife;
  private readonly friendsHooks: (() => void)[] = [];

  constructor(
    readonly ports: AppPorts,
    hooks: (
      ctx: AppContext,
    ) => (
      node: () => MurmurNode,
    ) => Pick<NodeOptions, 'events' | 'onSessionEstablished' | 'onSessionClosed'>,
  ) {
    this.life = new MurmurLife({
      store: ports.store,
      unlockedKeys: ports.unlockedKeys,
      hooks: hooks(this),
      homeOf: async () => (ports.role === 'home' ? homeOwner(ports.settings) : null),
    });
  }

  get store() {
    return this.ports.store;
  }

  get settings() {
    return this.ports.settings;
  }

  /** The running Murmur, or NoIdentityError. */
  running(): Promise<Running> {
    return this.life.running();
  }

  /** The running Murmur, or null (no identity, locked, a restore under way). */
  runningOrNull(): Promise<Running | null> {
    return this.life.runningOrNull();
  }

  async node(): Promise<MurmurNode> {
    return (await this.running()).node;
  }

  /** Who reads: the running identity, else nobody (a locked Murmur shows no one as "me"). */
  async viewer(): Promise<Identity | null> {
    return (await this.runningOrNull())?.identity ?? null;
  }

  /** Friends with an open session now. */
  async online(): Promise<Set<string>> {
    return new Set<string>((await this.runningOrNull())?.node.connectedFriends() ?? []);
  }

  /** Friends and those we asked, once the store has been read: people, not our home. */
  async contacts(): Promise<ContactRecord[]> {
    return (await this.reachable()).filter((c) => !c.homeOf);
  }

  /** Everyone the network looks for: friends, those we asked, and our Murmur home. */
  async reachable(): Promise<ContactRecord[]> {
    await this.life.now();
    return activeContacts(this.store);
  }

  /** Also run `hook` whenever friends change (features that follow the friends list). */
  whenFriendsChange(hook: () => void): void {
    this.friendsHooks.push(hook);
  }

  /** Everyone's name as the user knows them, by fingerprint (removed contacts too). */
  async names(): Promise<Map<string, string>> {
    const all = await this.store.listContacts();
    return new Map(all.map((c) => [c.fingerprint, c.displayName]));
  }

  /**
   * Friends changed: the host learns where to look for them, and friends who see our friend
   * list get the new one. Neither waits: a host that cannot be reached now is configured again
   * when it can be, and friends keep the list they had until the next change or start.
   */
  friendsChanged(): void {
    void this.ports.network.configure().catch(() => undefined);
    for (const hook of this.friendsHooks) hook();
    void this.runningOrNull()
      .then((running) => shareFriendList(running?.node ?? null, this.store, this.settings))
      .catch(() => undefined);
  }
}
