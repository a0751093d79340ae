/**
 * Murmur, the application, and its one front door. A host (the extension's background, a
 * headless home, a test) gives it ports (`app-ports.ts`), hands it the data channels its
 * network opens (`attach`), and passes every request a page makes to `requests` — or, in code,
 * to `ask`. The features behind the door share one context (`app-context.ts`):
 *
 *     const murmur = new Murmur({ store, settings, address, unlockedKeys, network, ... });
 *     network.onChannel((channel, initiator) => murmur.attach(channel, initiator));
 *     await murmur.ask('identity.create', { displayName: 'Home' });
 */
import type { Identity } from '../core/identity/identity';
import type { PeerId } from '../core/tracker/peer-id';
import type { ContentRequests } from '../messaging/content-requests';
import type { FriendAddress } from '../messaging/host-requests';
import type { Handlers, RequestOf, ResponseOf } from '../messaging/request-map';
import { requestCardOf } from './account';
import { AppContext } from './app-context';
import type { AppPorts } from './app-ports';
import type { AppHandlers, AppRequestName, AppRequests } from './app-requests';
import { arrivals } from './arrivals';
import { Attention } from './attention';
import { startSession, type PeerChannel } from './call-friend';
import { crosspost } from './crosspost';
import { friendAddresses } from './friend-addresses';
import { friendsDoor } from './friends-door';
import { identityDoor } from './identity-door';
import { honouredInviteSecrets } from './invite-secrets';
import { pairingLink, pairingSecrets, type PairingLink } from './home-role';
import { readingDoor } from './reading-door';
import { CONTENT_REQUEST_CHANGES, tellingChanges, UI_REQUEST_CHANGES } from './request-changes';
import { sendingDoor } from './sending-door';
import { publish } from './sending';
import { settingsDoor } from './settings-door';
import { homeDoor } from './home-door';
import { shareFriendsWithHome } from './home-friends';

/** What the host's network must know: where to look for friends, which invites to honour. */
export interface NetworkConfig {
  friends: FriendAddress[];
  inviteSecrets: string[];
}

export class Murmur {
  private readonly ctx: AppContext;
  /** Every request a page may make of the app; each tells the pages what it changed. */
  readonly requests: AppHandlers;
  /** What our content script on Facebook may hand over (acknowledgements only). */
  readonly content: Handlers<ContentRequests, unknown>;
  /** A Murmur home's own business (role 'home'): the link its owner pairs with. */
  readonly asHome: { pairingLink(): Promise<PairingLink | null> };

  constructor(ports: AppPorts) {
    const attention = new Attention(ports.settings, ports.attention);
    this.ctx = new AppContext(ports, arrivals(attention));
    const ctx = this.ctx;
    const mirroring = crosspost({
      settings: ports.settings,
      publish: async (text, to, extra) => publish(await ctx.node(), ctx.store, text, to, extra),
      ask: ports.askToShare,
      namesOf: async (fingerprints) => {
        const names = await ctx.names();
        return fingerprints.flatMap((f) => names.get(f) ?? []);
      },
    });
    const doors: AppHandlers = {
      ...identityDoor(ctx),
      ...friendsDoor(ctx),
      ...readingDoor(ctx, attention),
      ...sendingDoor(ctx),
      ...settingsDoor(ctx, attention),
      ...homeDoor(ctx),
      ...mirroring.shareWindow,
    };
    this.requests = tellingChanges(doors, UI_REQUEST_CHANGES, ports.changed);
    this.content = tellingChanges(mirroring.content, CONTENT_REQUEST_CHANGES, ports.changed);
    this.asHome = { pairingLink: () => pairingLink(ctx) };
    // Our home learns our friends whenever they change (it may serve only them).
    ctx.whenFriendsChange(() => void shareFriendsWithHome(ctx).catch(() => undefined));
  }

  /** One request, from code (a host's own work, tests): the same door pages use. */
  ask<K extends AppRequestName>(
    type: K,
    request: RequestOf<AppRequests, K>,
  ): Promise<ResponseOf<AppRequests, K>> {
    return this.requests[type](request, null);
  }

  /** A data channel the network opened gets a session with the node (none while not running). */
  async attach(channel: PeerChannel, initiator: boolean): Promise<void> {
    const running = await this.ctx.runningOrNull();
    if (!running) return channel.close();
    const { store, ports } = this.ctx;
    const ourCard = async () => requestCardOf(running.identity, await ports.address());
    await startSession(channel, initiator, running.node, store, ourCard);
  }

  /** Before the store is replaced (a restore): the node is dropped (the host ends sessions). */
  stop(): Promise<void> {
    return this.ctx.life.stop();
  }

  /** Starts again from whatever the store holds now; returns who it is. */
  async start() {
    await this.ctx.life.start();
    return this.ask('identity.get', {});
  }

  /** The unlocked identity, for the host's own work (signing the archive); never sent. */
  async currentIdentity(): Promise<Identity | null> {
    return this.ctx.viewer();
  }

  /** What the host's network must know now. */
  async networkConfig(): Promise<NetworkConfig> {
    const me = (await this.ctx.ports.address()).peerId as PeerId;
    return {
      friends: friendAddresses(await this.ctx.reachable(), me),
      inviteSecrets: [
        ...(await honouredInviteSecrets(this.ctx.settings)),
        ...(this.ctx.ports.role === 'home' ? await pairingSecrets(this.ctx.settings) : []),
      ],
    };
  }
}
