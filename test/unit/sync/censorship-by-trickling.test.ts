/**
 * Censorship by trickling (hostile peers, second round, point 1): Mallory offers the envelope
 * she means to censor first, then junk, and answers the junk one body at a time just inside
 * the window — never the target. Each body's deadline is fixed when it was asked, so the
 * target is overdue (and asked of the next holder) one window after it was asked, however
 * long the junk lasts.
 */
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { BodyRequests, type BodyRequestLimits } from '../../../src/core/sync/body-requests';
import type { EnvelopeId } from '../../../src/core/envelope/envelope-id';

const limits: BodyRequestLimits = {
  maxOutstanding: 16,
  maxQueued: 1024,
  baseWindowMs: 1000,
  bytesPerSecond: 1024 * 1024,
  maxStalls: 2,
};
const id = (n: number) => n.toString(16).padStart(64, '0') as EnvelopeId;

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

it('a target Mallory never sends is overdue one window after it was asked, while junk trickles', () => {
  let targetOverdueAt = -1;
  const target = id(1);
  const asked = Date.now();
  const bodies = new BodyRequests(limits, {
    request: () => undefined,
    overdue: (ids) => {
      if (ids.includes(target)) targetOverdueAt = Date.now() - asked;
    },
    letGo: () => undefined,
    stalled: () => undefined,
  });
  const junk = Array.from({ length: 10 }, (_, i) => id(100 + i));
  bodies.add([{ id: target, size: 100 }, ...junk.map((j) => ({ id: j, size: 100 }))]);
  // One junk body every 0.9 windows: each inside a window counted from the previous body.
  for (const j of junk) {
    vi.advanceTimersByTime(900);
    bodies.arrived(j);
  }
  expect(targetOverdueAt).toBeGreaterThan(0);
  expect(targetOverdueAt).toBeLessThanOrEqual(limits.baseWindowMs + 100);
});

it('an honest peer answering in order meets every deadline, however many bodies are open', () => {
  const overdue: EnvelopeId[] = [];
  const bodies = new BodyRequests(limits, {
    request: () => undefined,
    overdue: (ids) => overdue.push(...ids),
    letGo: () => undefined,
    stalled: () => undefined,
  });
  // 16 bodies of 1 MiB at exactly the slow link's speed: the last comes 16 s after it was asked.
  const big = Array.from({ length: 16 }, (_, i) => ({ id: id(i), size: 1024 * 1024 }));
  bodies.add(big);
  for (const body of big) {
    vi.advanceTimersByTime(1000);
    expect(bodies.arrived(body.id)).toBe('requested');
  }
  expect(overdue).toEqual([]);
});
