/**
 * The network host: everything that needs RTCPeerConnection and the tracker websocket.
 * Runs in the offscreen document on Chromium and inside the background page on Firefox;
 * the background drives it only through the `host` request map.
 */
import type { Handlers } from '../messaging/request-map';
import type { HostRequests } from '../messaging/host-requests';
import type { NetworkSettings } from '../messaging/settings';
import type { HostContext, HostStatus } from '../messaging/status';
import { fromBase64Url } from '../core/bytes';
import { signingKeyFromSeed } from '../core/crypto/ed25519';
import { TrackerLink } from './tracker-link';

export class NetworkHost {
  private readonly startedAt = Date.now();
  private links = new Map<string, TrackerLink>();
  private configured: string | null = null;

  constructor(private readonly context: HostContext) {}

  status(): HostStatus {
    return {
      context: this.context,
      startedAt: this.startedAt,
      trackers: [...this.links.values()].map((link) => ({ ...link.status })),
    };
  }

  /** Idempotent: the same peer id and settings keep the existing links untouched. */
  configure(trackerKey: string, settings: NetworkSettings): HostStatus {
    const key = JSON.stringify([trackerKey, settings]);
    if (key === this.configured) return this.status();
    const seed = fromBase64Url(trackerKey);
    if (!seed || seed.length !== 32) throw new RangeError('tracker key must be a 32-byte seed');
    this.configured = key;
    const signingKey = signingKeyFromSeed(seed);
    for (const link of this.links.values()) link.stop();
    this.links = new Map(
      settings.trackers.map((url) => [
        url,
        new TrackerLink(url, signingKey, settings.iceServers, () => undefined),
      ]),
    );
    for (const link of this.links.values()) link.start();
    return this.status();
  }

  handlers(): Handlers<HostRequests, unknown> {
    return {
      'host.status': async () => this.status(),
      'host.configure': async ({ trackerKey, network }) => this.configure(trackerKey, network),
    };
  }
}
