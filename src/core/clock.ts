/**
 * How far apart two honest computers' clocks may be. Friends' clocks are set by hand, by
 * phone carriers or not at all; a few minutes is common. Anything that compares a time a peer
 * wrote with our own clock allows this much either way, so a skewed clock delays nothing and
 * loses nothing.
 */
export const CLOCK_TOLERANCE_MS = 10 * 60_000;

/** Our clock, moved forward by the tolerance: "not in the future" is judged against this. */
export const toleratedNow = (now: number): Date => new Date(now + CLOCK_TOLERANCE_MS);
