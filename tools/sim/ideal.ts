/**
 * The ideal a delivery protocol is measured against: a message is deliverable to a recipient if
 * some time-respecting chain of friends, each handing it on while both are online, with at most
 * hopLimit relays in between (hopLimit + 1 hand-offs), reaches the recipient before expiry.
 * Computed exactly as earliest arrival over layers of hand-offs.
 */
import type { Interval } from './schedule';
import { at } from '../at';

/** Overlaps of two friends' online intervals, sorted. */
export function overlaps(a: Interval[], b: Interval[]): Interval[] {
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const start = Math.max(at(a, i).start, at(b, j).start);
    const end = Math.min(at(a, i).end, at(b, j).end);
    if (start < end) out.push({ start, end });
    if (at(a, i).end < at(b, j).end) i++;
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
    if (at(contacts, mid).end <= t) lo = mid + 1;
    else hi = mid;
  }
  const c = contacts[lo];
  return c ? Math.max(t, c.start) : Infinity;
}

/**
 * Who can reach whom when: every friend pair's contacts computed once, laid out by node (the
 * ideal walks every friendship of every holder for every message: 1,000 people and 9,000
 * messages made string-keyed lookups a few seconds of the benchmark).
 */
export class Reach {
  private readonly friendsOf: number[][];
  private readonly contactsOf: Interval[][][];
  private readonly best: Float64Array;
  /** Where a node sits in the layer being built, or −1. */
  private readonly slot: Int32Array;

  constructor(friends: Set<number>[], online: Interval[][]) {
    const pairs = new Map<number, Interval[]>();
    const n = friends.length;
    this.friendsOf = friends.map((set) => [...set]);
    this.contactsOf = this.friendsOf.map((list, u) =>
      list.map((v) => {
        const key = Math.min(u, v) * n + Math.max(u, v);
        let c = pairs.get(key);
        if (!c) pairs.set(key, (c = overlaps(at(online, u), at(online, v))));
        return c;
      }),
    );
    this.best = new Float64Array(n);
    this.slot = new Int32Array(n).fill(-1);
  }

  /** Earliest arrival time at each of `targets` (undefined when unreachable). */
  earliestArrival(
    sender: number,
    sentAt: number,
    expiresAt: number,
    hopLimit: number,
    targets: readonly number[],
  ): (number | undefined)[] {
    const { best, slot } = this;
    best.fill(Infinity);
    best[sender] = sentAt;
    // A layer: the nodes first reached, or reached earlier, with one more hand-off, and when.
    let nodes = [sender];
    let times = [sentAt];
    for (let handoff = 1; handoff <= hopLimit + 1; handoff++) {
      const nextNodes: number[] = [];
      const nextTimes: number[] = [];
      for (let i = 0; i < nodes.length; i++) {
        const u = at(nodes, i);
        const friends = at(this.friendsOf, u);
        const contacts = at(this.contactsOf, u);
        for (let k = 0; k < friends.length; k++) {
          const v = at(friends, k);
          const t = nextContact(at(contacts, k), at(times, i));
          if (t > expiresAt || t >= at(best, v)) continue;
          best[v] = t;
          if (at(slot, v) < 0) {
            slot[v] = nextNodes.length;
            nextNodes.push(v);
            nextTimes.push(t);
          } else nextTimes[at(slot, v)] = t;
        }
      }
      for (const v of nextNodes) slot[v] = -1;
      // Nodes reached in this layer may hand on in the next (fewer hops left, later time is fine).
      nodes = nextNodes;
      times = nextTimes;
    }
    return targets.map((v) => (best[v] === Infinity ? undefined : best[v]));
  }
}
