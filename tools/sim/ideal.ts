/**
 * The ideal a delivery protocol is measured against: a message is deliverable to a recipient if
 * some time-respecting chain of friends, each handing it on while both are online, with at most
 * hopLimit relays in between (hopLimit + 1 hand-offs), reaches the recipient before expiry.
 * Computed exactly as earliest arrival over layers of hand-offs.
 */
import type { Interval } from './schedule';

/** Overlaps of two friends' online intervals, sorted. */
export function overlaps(a: Interval[], b: Interval[]): Interval[] {
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const start = Math.max(a[i]!.start, b[j]!.start);
    const end = Math.min(a[i]!.end, b[j]!.end);
    if (start < end) out.push({ start, end });
    if (a[i]!.end < b[j]!.end) i++;
    else j++;
  }
  return out;
}

/** Earliest time ≥ t at which two friends are online together, or Infinity. */
export function nextContact(contacts: Interval[], t: number): number {
  let lo = 0;
  let hi = contacts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (contacts[mid]!.end <= t) lo = mid + 1;
    else hi = mid;
  }
  const c = contacts[lo];
  return c ? Math.max(t, c.start) : Infinity;
}

export interface IdealInput {
  friends: Set<number>[];
  contact: (a: number, b: number) => Interval[];
  sender: number;
  sentAt: number;
  expiresAt: number;
  hopLimit: number;
}

/** Earliest arrival time at every node (Infinity when unreachable). */
export function earliestArrival(input: IdealInput): Map<number, number> {
  let holding = new Map<number, number>([[input.sender, input.sentAt]]);
  const best = new Map(holding);
  for (let handoff = 1; handoff <= input.hopLimit + 1; handoff++) {
    const next = new Map<number, number>();
    for (const [u, at] of holding)
      for (const v of input.friends[u]!) {
        const t = nextContact(input.contact(u, v), at);
        if (t > input.expiresAt) continue;
        if (t < (best.get(v) ?? Infinity)) {
          best.set(v, t);
          next.set(v, t);
        }
      }
    // Nodes reached in this layer may hand on in the next (fewer hops left, later time is fine).
    holding = next;
  }
  return best;
}
