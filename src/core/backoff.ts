/**
 * The one backoff of Murmur: a delay that doubles with each failure from `firstMs` up to
 * `maxMs`, with ±`jitter` (a fraction) so that many clients do not retry in the same instant.
 */
export interface Backoff {
  firstMs: number;
  maxMs: number;
  jitter: number;
}

/** Reconnecting to a tracker: 500 ms, doubling to 30 s, ±20 % (a restarted tracker is not hit by every client at once). */
export const TRACKER_RECONNECT: Backoff = { firstMs: 500, maxMs: 30_000, jitter: 0.2 };

/** Dialling a friend whose channels keep ending at once: 1 s, 2 s, 4 s … 5 min. */
export const FRIEND_REDIAL: Backoff = { firstMs: 1000, maxMs: 5 * 60_000, jitter: 0 };

/** A page reconnecting to a background that restarted (Chromium stops idle workers): 200 ms … 10 s. */
export const PAGE_RECONNECT: Backoff = { firstMs: 200, maxMs: 10_000, jitter: 0 };

export function backoffDelay(
  failures: number,
  backoff: Backoff,
  random: () => number = Math.random,
): number {
  const base = Math.min(backoff.maxMs, backoff.firstMs * 2 ** Math.max(0, failures - 1));
  return Math.round(base * (1 - backoff.jitter + 2 * backoff.jitter * random()));
}
