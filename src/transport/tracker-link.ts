/**
 * One registration with one tracker through PeerJS, under the peer id of our tracker key.
 * Keeps itself connected: every failure (tracker down, socket dropped, tracker restarted)
 * marks the link down and retries with backoff, with a fresh proof each time.
 */
import { Peer, type DataConnection, type PeerError } from 'peerjs';
import { PresenceAsks } from '../core/tracker/presence-asks';
import type { SigningKey } from '../core/crypto/ed25519';
import { peerIdOf } from '../core/tracker/peer-id';
import { parseTrackerUrl, type TrackerAddress } from '../core/tracker-url';
import type { NetworkSettings } from '../messaging/settings';
import type { TrackerLinkStatus } from '../messaging/status';
import { backoffDelay, TRACKER_RECONNECT } from '../core/backoff';
import { fetchProofToken } from './tracker-auth';
import { TrackerIce } from './tracker-ice';
import type { PeerId } from '../core/tracker/peer-id';

const PRESENCE_TIMEOUT_MS = 5_000;
/**
 * A registration that has not finished by then — a challenge that never answers, a socket that
 * never opens — is given up and tried again, like one the tracker refused; otherwise one hung
 * answer would leave the link "connecting" for good. (The ICE question inside has its own 5 s.)
 */
const REGISTER_WITHIN_MS = 15_000;

export interface TrackerLinkEvents {
  /** The status changed (for the popup). */
  changed(): void;
  /** Registered (again): a good moment to look for friends. */
  registered(peer: Peer): void;
  /** A friend (or anyone) opens a data channel to us through this tracker. */
  incoming(connection: DataConnection): void;
}

export class TrackerLink {
  private peer: Peer | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private deadline: ReturnType<typeof setTimeout> | null = null;
  /** The registration attempt in progress (a stale one's answer is ignored). */
  private attempt: object = {};
  private stopped = false;
  private readonly presenceAsks = new PresenceAsks(PRESENCE_TIMEOUT_MS);
  private readonly peerId: PeerId;
  readonly status: TrackerLinkStatus;
  readonly ice: TrackerIce;

  constructor(
    readonly url: string,
    private readonly key: SigningKey,
    private readonly network: Pick<NetworkSettings, 'iceServers' | 'hideAddress'>,
    private readonly events: TrackerLinkEvents,
  ) {
    this.peerId = peerIdOf(key.publicKey);
    this.status = {
      url,
      state: 'connecting',
      peerId: null,
      lastError: null,
      since: Date.now(),
      failures: 0,
      ice: 'asking',
    };
    this.ice = new TrackerIce(network.iceServers, () => {
      // Channels answered from now on use the fresh servers and credentials.
      if (this.peer) this.peer.options.config = this.rtcConfig({ relayOnly: false });
      this.status.ice = this.ice.offer;
      this.events.changed();
    });
  }

  /** For a channel through this tracker; "hide my address" makes every one relay-only. */
  rtcConfig(options: { relayOnly: boolean }): RTCConfiguration {
    return this.ice.rtcConfig(options.relayOnly || this.network.hideAddress === true);
  }

  start(): void {
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    this.ice.stop();
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.deadline) clearTimeout(this.deadline);
    this.peer?.destroy();
    this.peer = null;
  }

  private setState(state: TrackerLinkStatus['state'], error: string | null): void {
    if (this.status.state !== state) this.status.since = Date.now();
    this.status.state = state;
    this.status.lastError = error;
    this.status.peerId = state === 'connected' ? this.peerId : null;
    if (state !== 'connecting' && this.deadline) {
      clearTimeout(this.deadline);
      this.deadline = null;
    }
    this.events.changed();
  }

  private connect(): void {
    if (this.stopped) return;
    const address = parseTrackerUrl(this.url);
    if (!address.ok) {
      this.setState('down', address.reason);
      return;
    }
    this.setState('connecting', this.status.lastError);
    // Every registration needs a fresh proof of our key (a challenge from the tracker).
    const attempt = (this.attempt = {});
    const abort = new AbortController();
    if (this.deadline) clearTimeout(this.deadline);
    this.deadline = setTimeout(() => this.giveUp(attempt, abort), REGISTER_WITHIN_MS);
    fetchProofToken(address.value, this.key, abort.signal).then(
      (token) => {
        if (this.attempt === attempt && !this.stopped) this.register(address.value, token);
      },
      (error: unknown) =>
        this.failAttempt(
          attempt,
          // Browsers do not tell a page why a TLS connection failed; name both likely causes.
          // Where the person allowed Murmur on the tracker's site, the background shows the
          // browser's own reason instead (background/tracker-errors.ts).
          address.value.secure
            ? `tracker unreachable over TLS: it is down, or this browser does not trust its certificate (${String(error)})`
            : `tracker unreachable: ${String(error)}`,
        ),
    );
  }

  private register(address: TrackerAddress, token: string): void {
    const peer = new Peer(this.peerId, {
      host: address.host,
      port: address.port,
      path: address.path,
      secure: address.secure,
      token,
      config: this.rtcConfig({ relayOnly: false }),
      debug: 0,
    });
    this.peer = peer;
    peer.on('open', () => {
      if (this.peer !== peer) return;
      this.status.failures = 0;
      peer.socket.on('message', (message: unknown) => {
        if (!this.ice.answered(message)) this.presenceAsks.answered(message);
      });
      // Friends are dialled once the tracker's STUN/TURN servers are known (or it did not answer).
      void this.ice.ask({ send: (frame) => peer.socket.send(frame) }).then(() => {
        if (this.peer !== peer) return;
        this.setState('connected', null);
        this.events.registered(peer);
      });
    });
    peer.on('connection', (connection) => {
      if (this.peer === peer) this.events.incoming(connection);
    });
    peer.on('error', (error: PeerError<string>) => {
      // Errors about one remote peer (e.g. `peer-unavailable`) leave our registration intact.
      if (error.type === 'peer-unavailable' || error.type === 'webrtc') return;
      this.fail(peer, `${error.type}: ${error.message}`);
    });
    peer.on('disconnected', () => this.fail(peer, 'lost the connection to the tracker'));
  }

  /** Which of these peer ids are registered with this tracker now (empty when not connected);
   * only ids we asked about count (presence-asks.ts). */
  async presence(ids: PeerId[]): Promise<PeerId[]> {
    const peer = this.peer;
    if (!peer?.open || ids.length === 0) return [];
    const { frame, answer } = this.presenceAsks.ask(ids);
    peer.socket.send(frame);
    return answer;
  }

  /** The registered PeerJS peer, to dial friends through. */
  get registeredPeer(): Peer | null {
    return this.peer?.open ? this.peer : null;
  }

  private fail(peer: Peer, reason: string): void {
    if (this.peer !== peer || this.stopped) return;
    this.peer = null;
    this.ice.stop();
    peer.destroy();
    this.retry(reason);
  }

  private giveUp(attempt: object, abort: AbortController): void {
    this.deadline = null;
    if (this.attempt !== attempt || this.stopped) return;
    // Nothing from this attempt counts any more: its fetch, its socket, its events.
    this.attempt = {};
    abort.abort();
    const peer = this.peer;
    this.peer = null;
    this.ice.stop();
    peer?.destroy();
    this.retry(`the tracker did not let us register within ${REGISTER_WITHIN_MS / 1000} s`);
  }

  private failAttempt(attempt: object, reason: string): void {
    if (this.attempt !== attempt || this.stopped || this.peer) return;
    this.retry(reason);
  }

  private retry(reason: string): void {
    this.status.failures += 1;
    this.setState('down', reason);
    const delay = backoffDelay(this.status.failures, TRACKER_RECONNECT);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.connect();
    }, delay);
  }
}
