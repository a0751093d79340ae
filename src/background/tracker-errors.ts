/**
 * The browser's reason a request to a tracker failed (network-error-reason.ts), heard through
 * webRequest.onErrorOccurred — which reports only sites the person allowed Murmur on (Options ›
 * Network), so without that the status keeps naming both likely causes. The newest reason per
 * host and port, in memory only, for a few hosts; shown in place of the opaque error while that
 * tracker is not connected.
 */
import browser from 'webextension-polyfill';
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

/** `heard` is called when a host's reason is new (a page showing the status asks again). */
export function trackerErrors(heard: () => void, now: () => number = Date.now): TrackerErrors {
  const reasons = new Map<string, { reason: string; at: number }>();
  browser.webRequest.onErrorOccurred.addListener(
    (details) => {
      const host = hostOf(details.url);
      const reason = networkErrorReason(details.error);
      if (!host || !reason) return;
      const before = reasons.get(host);
      const news = !before || before.reason !== reason || now() - before.at >= FRESH_MS;
      reasons.delete(host);
      reasons.set(host, { reason, at: now() });
      for (const oldest of reasons.keys()) {
        if (reasons.size <= MAX_HOSTS) break;
        reasons.delete(oldest);
      }
      // The same fresh reason again (each retry) is no news: the retry itself told pages.
      if (news) heard();
    },
    { urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] },
  );
  return {
    reasonFor(url) {
      const host = hostOf(url);
      const seen = host ? reasons.get(host) : undefined;
      return seen && now() - seen.at < FRESH_MS ? seen.reason : null;
    },
  };
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
