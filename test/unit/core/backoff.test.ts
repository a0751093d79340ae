import { describe, expect, it } from 'vitest';
import { backoffDelay, FRIEND_REDIAL, TRACKER_RECONNECT } from '../../../src/core/backoff';

describe('backoff', () => {
  it('reconnects to a tracker from half a second, under the 30 s cap, with jitter', () => {
    expect(backoffDelay(1, TRACKER_RECONNECT, () => 0.5)).toBe(500);
    expect(backoffDelay(3, TRACKER_RECONNECT, () => 0.5)).toBe(2000);
    expect(backoffDelay(50, TRACKER_RECONNECT, () => 0.5)).toBe(30_000);
    expect(backoffDelay(50, TRACKER_RECONNECT, () => 1)).toBe(36_000);
    expect(backoffDelay(1, TRACKER_RECONNECT, () => 0)).toBe(400);
  });

  it('redials a friend whose channels keep ending after 1 s, 2 s, 4 s … 5 min', () => {
    const waits = [1, 2, 3, 9, 10, 40].map((n) => backoffDelay(n, FRIEND_REDIAL, Math.random));
    expect(waits).toEqual([1000, 2000, 4000, 256_000, 300_000, 300_000]);
  });
});
