/**
 * The network host: everything that needs RTCPeerConnection and the tracker websocket.
 * Runs in the offscreen document on Chromium and inside the background page on Firefox;
 * the background drives it only through the `host` request map and hears back on `link`.
 *
 * It registers with our own trackers and with every tracker a friend uses (federation),
 * asks each which of our friends are online, and keeps one data channel open to each.
 */
import { fromBase64Url } from '../core/bytes';
import { signingKeyFromSeed, type SigningKey } from '../core/crypto/ed25519';
import { peerIdOf } from '../core/tracker/peer-id';
import { normaliseTrackerUrl as normalise } from '../core/tracker-url';
import type { FriendAddress, HostRequests } from '../messaging/host-requests';
import { inviteToken } from '../core/identity/invite-token';
import type { Handlers } from '../messaging/request-map';
import type { NetworkSettings } from '../messaging/settings';
import type { FriendReach, HostContext, HostStatus, UnreachableReason } from '../messaging/status';
import { testConnection } from './connection-test';
import { FriendLinks, type LinkSink } from './friend-links';
import { TrackerLink } from './tracker-link';
import { entryOf } from '../core/map-entry';
import { backoffDelay, FRIEND_REDIAL } from '../core/backoff';
import type { PeerId } from '../core/tracker/peer-id';

/** How often to ask trackers which friends are online (new arrivals dial us themselves). */
const PRESENCE_EVERY_MS = 15_000;
/** After a channel to a friend drops, look again soon: it may be a blip, not a departure. */
const RECHECK_AFTER_DROP_MS = 1_000;
const SHORT_LINK_MS = 10_000;
const ALIVE_EVERY_MS = 20_000;

export interface HostConfig {
  trackerKey: string;
  network: NetworkSettings;
  friends: FriendAddress[];
  /** The user's invite secrets still honoured (base64url). */
  inviteSecrets: string[];
  epoch: string;
}

export class NetworkHost {
  private readonly startedAt = Date.now();
  private trackers = new Map<string, TrackerLink>();
  private friendsOn = new Map<string, Set<PeerId>>();
  private friendLinks: FriendLinks | null = null;
  private trackersKey: string | null = null;
  private epoch: string | null = null;
  private poll: ReturnType<typeof setInterval> | null = null;
  private alive: ReturnType<typeof setInterval> | null = null;
  private readonly cooldown = new Map<PeerId, { failures: number; until: number }>();
  /** Friends online at their tracker whose last dial found no path, and why. */
  private readonly unreachable = new Map<
    PeerId,
    { failures: number; reason: UnreachableReason | null }
  >();
  private hideAddress = false;
  /** Tokens our calls show (someone we asked through their invite link), by peer id. */
  private inviteTokens = new Map<PeerId, string>();
  private inviteSecrets: Uint8Array[] = [];

  constructor(
    private readonly context: HostContext,
    private readonly sink: LinkSink,
  ) {}

  status(): HostStatus {
    return {
      context: this.context,
      startedAt: this.startedAt,
      trackers: [...this.trackers.values()].map((link) => ({ ...link.status })),
      friendsLinked: this.friendLinks?.openPeers() ?? [],
      reach: this.reach(),
    };
  }

  private reach(): Record<string, FriendReach> {
    const out: Record<string, FriendReach> = {};
    for (const [peerId, { reason }] of this.unreachable)
      if (reason) out[peerId] = { state: 'unreachable', reason };
    for (const [peerId, path] of this.friendLinks?.paths() ?? [])
      out[peerId] = { state: 'linked', path };
    return out;
  }

  /** Idempotent: the same settings keep the existing registrations and channels. */
  configure(config: HostConfig): HostStatus {
    const seed = fromBase64Url(config.trackerKey);
    if (!seed || seed.length !== 32) throw new RangeError('tracker key must be a 32-byte seed');
    const key = signingKeyFromSeed(seed);
    const urls = [
      ...new Set(
        [...config.network.trackers, ...config.friends.map((f) => f.tracker)].map(normalise),
      ),
    ];
    const trackersKey = JSON.stringify([
      config.trackerKey,
      urls,
      config.network.iceServers,
      config.network.hideAddress === true,
    ]);
    this.hideAddress = config.network.hideAddress === true;
    if (trackersKey !== this.trackersKey) {
      this.trackersKey = trackersKey;
      this.friendLinks?.closeAll();
      this.unreachable.clear();
      const me = peerIdOf(key.publicKey);
      this.friendLinks = new FriendLinks(
        me,
        this.linkSink(),
        (peerId) => [...this.friendsOn.values()].some((ids) => ids.has(peerId)),
        (peerId, metadata) => this.provesInvite(peerId, me, metadata),
      );
      for (const link of this.trackers.values()) link.stop();
      this.trackers = new Map(urls.map((url) => [url, this.trackerLink(url, key, config)]));
      for (const link of this.trackers.values()) link.start();
    } else if (config.epoch !== this.epoch) {
      // A restarted background lost the sessions on these channels: start afresh.
      this.friendLinks?.closeAll();
    }
    this.epoch = config.epoch;
    // New settings or friends (someone just accepted us, or we them): dial everyone now.
    this.cooldown.clear();
    this.friendsOn = new Map();
    this.inviteTokens = new Map(
      config.friends.flatMap((f) => (f.invite ? [[f.peerId, f.invite] as const] : [])),
    );
    this.inviteSecrets = config.inviteSecrets
      .map(fromBase64Url)
      .filter((secret): secret is Uint8Array => secret !== null);
    for (const friend of config.friends) {
      const url = normalise(friend.tracker);
      entryOf(this.friendsOn, url, () => new Set()).add(friend.peerId);
    }
    this.poll ??= setInterval(() => void this.lookForFriends(), PRESENCE_EVERY_MS);
    // Chromium stops an idle service worker after 30 s, and with it every sync session; an
    // event from here resets that timer while friends are connected (Chrome 110+:
    // https://developer.chrome.com/docs/extensions/develop/concepts/service-workers/lifecycle).
    this.alive ??= setInterval(() => {
      if ((this.friendLinks?.openPeers().length ?? 0) > 0) this.sink.alive();
    }, ALIVE_EVERY_MS);
    void this.lookForFriends();
    return this.status();
  }

  /** Asks each tracker which of our friends on it are online, and dials those not linked. */
  async lookForFriends(): Promise<void> {
    const links = this.friendLinks;
    if (!links) return;
    await Promise.all(
      [...this.trackers].map(async ([url, tracker]) => {
        const now = Date.now();
        const wanted = [...(this.friendsOn.get(url) ?? [])].filter(
          (id) => !links.hasLinkTo(id) && (this.cooldown.get(id)?.until ?? 0) <= now,
        );
        const online = await tracker.presence(wanted);
        const peer = tracker.registeredPeer;
        // After a dial that found no path, the next one goes through the relay only: some
        // pairs (Firefox behind two symmetric NATs, shared/NAT-LAB.md) connect only that way.
        if (peer)
          for (const id of online) {
            const relayOnly = (this.unreachable.get(id)?.failures ?? 0) % 2 === 1;
            links.dial(
              peer,
              url,
              id,
              tracker.rtcConfig({ relayOnly: relayOnly && tracker.ice.offersRelay }),
              this.inviteTokens.get(id),
            );
          }
      }),
    );
  }

  /** A stranger's call whose metadata carries the token of one of our invite links. */
  private provesInvite(caller: PeerId, me: PeerId, metadata: unknown): boolean {
    if (typeof metadata !== 'object' || metadata === null || !('invite' in metadata)) return false;
    const shown = metadata.invite;
    return (
      typeof shown === 'string' &&
      this.inviteSecrets.some((secret) => inviteToken(secret, caller, me) === shown)
    );
  }

  private trackerLink(url: string, key: SigningKey, config: HostConfig): TrackerLink {
    return new TrackerLink(url, key, config.network, {
      changed: () => this.sink.changed(),
      registered: () => void this.lookForFriends(),
      incoming: (connection) => this.friendLinks?.accept(connection, url),
    });
  }

  private linkSink(): LinkSink {
    const openedAt = new Map<string, number>();
    return {
      open: (link, peerId, initiator, binding) => {
        openedAt.set(link, Date.now());
        this.unreachable.delete(peerId);
        this.sink.open(link, peerId, initiator, binding);
      },
      frame: (link, frame) => this.sink.frame(link, frame),
      alive: () => this.sink.alive(),
      changed: () => this.sink.changed(),
      dialFailed: (peerId) => this.noteDialFailed(peerId),
      closed: (link, peerId) => {
        this.sink.closed(link, peerId);
        this.noteLifetime(peerId, Date.now() - (openedAt.get(link) ?? Date.now()));
        openedAt.delete(link);
        setTimeout(() => void this.lookForFriends(), RECHECK_AFTER_DROP_MS);
      },
    };
  }

  /**
   * A dial that found no path. With a relay on offer, the first failure only means "try the
   * relay next"; without one (or when the relay failed too) the friend is shown as unreachable.
   */
  private noteDialFailed(peerId: PeerId): void {
    const failures = (this.unreachable.get(peerId)?.failures ?? 0) + 1;
    const tracker = [...this.trackers].find(([url]) => this.friendsOn.get(url)?.has(peerId))?.[1];
    const relay = tracker?.ice.offersRelay ?? false;
    const reason: UnreachableReason | null = relay
      ? failures >= 2 || this.hideAddress
        ? 'relay-failed'
        : null
      : this.hideAddress
        ? 'address-hidden-no-relay'
        : 'no-relay';
    this.unreachable.set(peerId, { failures, reason });
    if (reason) this.sink.changed();
    if (reason === null) setTimeout(() => void this.lookForFriends(), RECHECK_AFTER_DROP_MS);
    else this.noteLifetime(peerId, 0);
  }

  /**
   * A channel that ends within seconds, again and again (someone we asked who has not
   * accepted, a peer that refuses us), is dialled less and less often: 1 s, 2 s, 4 s … 5 min.
   */
  private noteLifetime(peerId: PeerId, livedMs: number): void {
    if (livedMs > SHORT_LINK_MS) {
      this.cooldown.delete(peerId);
      return;
    }
    const failures = (this.cooldown.get(peerId)?.failures ?? 0) + 1;
    const wait = backoffDelay(failures, FRIEND_REDIAL);
    this.cooldown.set(peerId, { failures, until: Date.now() + wait });
    // Look again as soon as the wait is over, not at the next presence round.
    setTimeout(() => void this.lookForFriends(), wait + 50);
  }

  /** Ends every channel and registration and every timer: the process may exit after this. */
  stop(): void {
    this.friendLinks?.closeAll();
    this.friendLinks = null;
    for (const link of this.trackers.values()) link.stop();
    this.trackers.clear();
    this.trackersKey = null;
    if (this.poll) clearInterval(this.poll);
    if (this.alive) clearInterval(this.alive);
    this.poll = this.alive = null;
  }

  handlers(): Handlers<HostRequests, unknown> {
    return {
      'host.status': async () => this.status(),
      'host.test-connection': () => testConnection([...this.trackers.values()]),
      'host.configure': async (config) => this.configure(config),
      'host.link.send': async ({ link, frame }) => {
        const bytes = fromBase64Url(frame);
        if (bytes) this.friendLinks?.send(link, bytes);
        return {};
      },
      'host.link.close': async ({ link }) => {
        this.friendLinks?.close(link);
        return {};
      },
      'host.link.authenticated': async ({ link }) => {
        this.friendLinks?.authenticated(link);
        return {};
      },
    };
  }
}
