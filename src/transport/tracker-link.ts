/**
 * One registration with one tracker through PeerJS. Keeps itself connected: every failure
 * (tracker down, socket dropped, tracker restarted) marks the link down and retries with
 * backoff, under the same peer id.
 */
import { Peer, type PeerError } from 'peerjs';
import { parseTrackerUrl } from '../core/tracker-url';
import type { IceServer } from '../messaging/settings';
import type { TrackerLinkStatus } from '../messaging/status';
import { backoffDelay } from './backoff';

export class TrackerLink {
  private peer: Peer | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;
  readonly status: TrackerLinkStatus;

  constructor(
    readonly url: string,
    private readonly peerId: string,
    private readonly iceServers: IceServer[],
    private readonly onChange: () => void,
  ) {
    this.status = {
      url,
      state: 'connecting',
      peerId: null,
      lastError: null,
      since: Date.now(),
      failures: 0,
    };
  }

  start(): void {
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.peer?.destroy();
    this.peer = null;
  }

  private setState(state: TrackerLinkStatus['state'], error: string | null): void {
    if (this.status.state !== state) this.status.since = Date.now();
    this.status.state = state;
    this.status.lastError = error;
    this.status.peerId = state === 'connected' ? this.peerId : null;
    this.onChange();
  }

  private connect(): void {
    if (this.stopped) return;
    const address = parseTrackerUrl(this.url);
    if (!address.ok) {
      this.setState('down', address.reason);
      return;
    }
    this.setState('connecting', this.status.lastError);
    const peer = new Peer(this.peerId, {
      host: address.value.host,
      port: address.value.port,
      path: address.value.path,
      secure: address.value.secure,
      config: { iceServers: this.iceServers },
      debug: 0,
    });
    this.peer = peer;
    peer.on('open', () => {
      if (this.peer !== peer) return;
      this.status.failures = 0;
      this.setState('connected', null);
    });
    peer.on('error', (error: PeerError<string>) => {
      // Errors about one remote peer (e.g. `peer-unavailable`) leave our registration intact.
      if (error.type === 'peer-unavailable' || error.type === 'webrtc') return;
      this.fail(peer, `${error.type}: ${error.message}`);
    });
    peer.on('disconnected', () => this.fail(peer, 'lost the connection to the tracker'));
  }

  private fail(peer: Peer, reason: string): void {
    if (this.peer !== peer || this.stopped) return;
    this.peer = null;
    peer.destroy();
    this.status.failures += 1;
    this.setState('down', reason);
    const delay = backoffDelay(this.status.failures);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.connect();
    }, delay);
  }
}
