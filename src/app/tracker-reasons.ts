/**
 * The browser's reason a request to a tracker failed (network-error-reason.ts), as the host
 * hears it (in the extension, webRequest.onErrorOccurred — which reports only sites the person
 * allowed Murmur on, so without that the status keeps naming both likely causes). The newest
 * reason per host and port, in memory only, for a few hosts; shown in place of the opaque
 * error while that tracker is not connected.
 */
import type { ConnectionTestResult, TrackerLinkStatus } from '../messaging/status';
import { networkErrorReason } from './network-error-reason';

/** Reasons older than this describe an earlier attempt. */
const FRESH_MS = 120_000;
const MAX_HOSTS = 16;

export interface TrackerErrors {
  /** The browser's reason for the tracker at `url`, if it told one lately. */
  reasonFor(url: string): string | null;
}

const hostOf = (url: string): string | null => {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
};

export class TrackerReasons implements TrackerErrors {
  private readonly reasons = new Map<string, { reason: string; at: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** The browser failed a request to `url`; true when its reason is news to a page. */
  heard(url: string, error: string): boolean {
    const host = hostOf(url);
    const reason = networkErrorReason(error);
    if (!host || !reason) return false;
    const before = this.reasons.get(host);
    const news = !before || before.reason !== reason || this.now() - before.at >= FRESH_MS;
    this.reasons.delete(host);
    this.reasons.set(host, { reason, at: this.now() });
    for (const oldest of this.reasons.keys()) {
      if (this.reasons.size <= MAX_HOSTS) break;
      this.reasons.delete(oldest);
    }
    // The same fresh reason again (each retry) is no news: the retry itself told pages.
    return news;
  }

  reasonFor(url: string): string | null {
    const host = hostOf(url);
    const seen = host ? this.reasons.get(host) : undefined;
    return seen && this.now() - seen.at < FRESH_MS ? seen.reason : null;
  }
}

const told = (reason: string) => `tracker unreachable: ${reason}`;

/** A tracker link's status with the browser's reason in place of the opaque error. */
export function explainLink(errors: TrackerErrors, link: TrackerLinkStatus): TrackerLinkStatus {
  const reason = link.state === 'connected' ? null : errors.reasonFor(link.url);
  return reason ? { ...link, lastError: told(reason) } : link;
}

/** "Test my connection" with the browser's reason for each tracker not registered. */
export function explainTest(
  errors: TrackerErrors,
  result: ConnectionTestResult,
): ConnectionTestResult {
  return {
    trackers: result.trackers.map((tracker) => {
      const reason = tracker.registered ? null : errors.reasonFor(tracker.url);
      return reason ? { ...tracker, error: told(reason) } : tracker;
    }),
  };
}
