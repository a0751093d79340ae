import { describe, expect, it } from 'vitest';
import { DEFAULT_SIM } from '../../../tools/sim/config';
import { runNaive } from '../../../tools/sim/naive';
import type { Interval } from '../../../tools/sim/schedule';
import type { World } from '../../../tools/sim/world';

// A line of three friends, 0–1–2. 0 and 1 are online all along, 2 comes online at 50. At 10,
// 0 sends one message of 1,000 bytes to 2.
function line(online2: Interval): World {
  return {
    keyrings: [],
    friends: [new Set([1]), new Set([0, 2]), new Set([1])],
    online: [[{ start: 0, end: 100 }], [{ start: 0, end: 100 }], [online2]],
    plan: [{ index: 0, sender: 0, kind: 'direct', recipients: [2], at: 10 }],
  };
}

describe('the naive baseline: every node forwards every message to all friends online', () => {
  it('floods within the hop limit, back to where it came from too, and counts every copy', () => {
    const result = runNaive(line({ start: 50, end: 100 }), DEFAULT_SIM, 1, [1000]);
    // 0 → 1 at 10, and 1 → 0 at once (1 forwards to every friend online); 1 → 2 at 50.
    expect(result.naive_bytes_sent).toBe(3000);
    expect(result.naive_pairs_delivered).toBe(1);
    expect(result.naive_bytes_per_delivered_byte).toBe(3);
  });

  it('with hop limit 0 only the sender hands it on, so a friend of a friend never gets it', () => {
    const result = runNaive(line({ start: 50, end: 100 }), DEFAULT_SIM, 0, [1000]);
    expect(result.naive_bytes_sent).toBe(1000);
    expect(result.naive_pairs_delivered).toBe(0);
  });

  it('an expired message is no longer delivered', () => {
    const config = { ...DEFAULT_SIM, ttlDays: 30 / 86400 }; // expires at 40
    const result = runNaive(line({ start: 50, end: 100 }), config, 1, [1000]);
    expect(result.naive_pairs_delivered).toBe(0);
  });
});
