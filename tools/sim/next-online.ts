/**
 * The honest measure of delay for a store-and-forward network: how long after the recipient's
 * next time online a message reached them. Nobody can receive while offline; waiting beyond
 * that is what relays (and homes) are for.
 */
import type { Interval } from './schedule';

/** When the recipient is next online at or after `sentAt` (null: not again in the run). */
export function nextOnline(intervals: readonly Interval[], sentAt: number): number | null {
  for (const { start, end } of intervals) if (end > sentAt) return Math.max(start, sentAt);
  return null;
}

/** Seconds from the recipient's next time online to the delivery (0 when they got it at once). */
export function delayBeyondNextOnline(
  intervals: readonly Interval[],
  sentAt: number,
  gotAt: number,
): number {
  const next = nextOnline(intervals, sentAt) ?? gotAt;
  return Math.max(0, gotAt - next);
}
