import { describe, expect, it } from 'vitest';
import { Reach } from '../../../tools/sim/ideal';
import type { Interval } from '../../../tools/sim/schedule';

// Four people: 0–1, 1–2, 2–3 and 1–3 are friends. When each pair is online together:
// 0–1 [10, 20], 1–2 [30, 40], 2–3 [50, 60], 1–3 [100, 105].
const friends = [new Set([1]), new Set([0, 2, 3]), new Set([1, 3]), new Set([2, 1])];
const online: Interval[][] = [
  [{ start: 0, end: 20 }],
  [
    { start: 10, end: 40 },
    { start: 100, end: 105 },
  ],
  [{ start: 30, end: 60 }],
  [
    { start: 50, end: 70 },
    { start: 100, end: 110 },
  ],
];
const reach = new Reach(friends, online);
const everyone = [0, 1, 2, 3];

describe('the ideal: earliest arrival over time-respecting chains of friends', () => {
  it('a hop limit of h allows h relays between sender and recipient', () => {
    expect(reach.earliestArrival(0, 5, 1000, 0, everyone)).toEqual([5, 10, undefined, undefined]);
    // One relay: 2 through 1 at 30; 3 only when 1 and 3 meet at 100.
    expect(reach.earliestArrival(0, 5, 1000, 1, everyone)).toEqual([5, 10, 30, 100]);
    // Two relays: the longer chain through 2 reaches 3 earlier, at 50.
    expect(reach.earliestArrival(0, 5, 1000, 2, everyone)).toEqual([5, 10, 30, 50]);
  });

  it('a chain must run forward in time: contacts before the message arrived do not count', () => {
    // Sent after 0 and 1 last met: nobody can carry it.
    expect(reach.earliestArrival(0, 25, 1000, 3, everyone)).toEqual([
      25,
      undefined,
      undefined,
      undefined,
    ]);
    // From 2 at 45: 1 and 2 met before that, 3 is still ahead (50); 1 through 3 at 100.
    expect(reach.earliestArrival(2, 45, 1000, 1, everyone)).toEqual([undefined, 100, 45, 50]);
  });

  it('a relay passes it on only after it got it', () => {
    // 1 meets 2 at [10, 20], but gets the message from 0 only at 30.
    const line = new Reach(
      [new Set([1]), new Set([0, 2]), new Set([1])],
      [[{ start: 30, end: 40 }], [{ start: 10, end: 40 }], [{ start: 10, end: 20 }]],
    );
    expect(line.earliestArrival(0, 0, 1000, 2, [1, 2])).toEqual([30, undefined]);
  });

  it('nothing arrives after the message expires', () => {
    expect(reach.earliestArrival(0, 5, 45, 2, everyone)).toEqual([5, 10, 30, undefined]);
  });

  it('answers only for the people asked about, and is the same when asked again', () => {
    expect(reach.earliestArrival(0, 5, 1000, 2, [3, 1])).toEqual([50, 10]);
    expect(reach.earliestArrival(0, 5, 1000, 2, [3, 1])).toEqual([50, 10]);
  });
});
