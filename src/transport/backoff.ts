/**
 * Reconnection delays: exponential from 500 ms, capped at 30 s, with ±20 % jitter so a
 * restarted tracker is not hit by every client in the same instant.
 */
export function backoffDelay(failures: number, random: () => number = Math.random): number {
  const base = Math.min(30_000, 500 * 2 ** Math.max(0, failures - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}
