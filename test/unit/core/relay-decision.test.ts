/** The relay's one decision, as a table: each row is a situation and what the relay does. */
import { describe, expect, it } from 'vitest';
import {
  everyFriendAnswered,
  relayDecision,
  type RelaySituation,
  type RelayVerdict,
} from '../../../src/core/node/relay-decision';

const policy = { maxMessageBytes: 1000, quotaBytes: 5000 };
const forMe = () => true;
const notForMe = () => false;
const offered = (hopsLeft: number, size: number, mine: () => boolean): RelaySituation => ({
  kind: 'offered',
  hopsLeft,
  size,
  policy,
  forMe: mine,
});
const handOn = (facts: Partial<Omit<Extract<RelaySituation, { kind: 'hand-on' }>, 'kind'>>) =>
  ({
    kind: 'hand-on',
    expired: false,
    cameFromThem: false,
    theyHoldIt: false,
    theyDeclined: false,
    ...facts,
  }) satisfies RelaySituation;

const table: [string, RelaySituation, RelayVerdict][] = [
  ['offered, relayable', offered(1, 500, notForMe), { act: 'request' }],
  ['offered, no hops left, for us', offered(0, 500, forMe), { act: 'request' }],
  [
    'offered, no hops left, not for us',
    offered(0, 500, notForMe),
    { act: 'decline', reason: 'not-wanted' },
  ],
  ['offered, too large to relay, for us', offered(2, 4000, forMe), { act: 'request' }],
  [
    'offered, too large to relay',
    offered(2, 4000, notForMe),
    { act: 'decline', reason: 'too-large' },
  ],
  [
    'offered, larger than the quota',
    offered(2, 6000, notForMe),
    { act: 'decline', reason: 'too-large' },
  ],
  [
    'offered, within the size limit but not the quota',
    {
      kind: 'offered',
      hopsLeft: 1,
      size: 900,
      policy: { maxMessageBytes: 1000, quotaBytes: 800 },
      forMe: notForMe,
    },
    { act: 'decline', reason: 'quota' },
  ],
  [
    'arrived, for us alone',
    { kind: 'arrived', mine: true, slotCount: 1, size: 10, policy },
    { act: 'drop', reason: 'only-for-us' },
  ],
  [
    'arrived, for us and others',
    { kind: 'arrived', mine: true, slotCount: 3, size: 10, policy },
    { act: 'keep' },
  ],
  [
    'arrived, for others',
    { kind: 'arrived', mine: false, slotCount: 1, size: 10, policy },
    { act: 'keep' },
  ],
  [
    'arrived, too large to hold',
    { kind: 'arrived', mine: false, slotCount: 2, size: 2000, policy },
    { act: 'drop', reason: 'too-large' },
  ],
  ['hand on to a friend without it', handOn({}), { act: 'offer' }],
  ['hand on, expired', handOn({ expired: true }), { act: 'skip' }],
  ['hand on to whoever gave it to us', handOn({ cameFromThem: true }), { act: 'skip' }],
  ['hand on to a holder', handOn({ theyHoldIt: true }), { act: 'skip' }],
  ['hand on to one who declined', handOn({ theyDeclined: true }), { act: 'skip' }],
  [
    'held, every slot delivered',
    { kind: 'held', everySlotDelivered: true, everyFriendAnswered: () => false },
    { act: 'drop', reason: 'delivered' },
  ],
  [
    'held, every friend answered',
    { kind: 'held', everySlotDelivered: false, everyFriendAnswered: () => true },
    { act: 'drop', reason: 'all-answered' },
  ],
  [
    'held, friends still to hear from',
    { kind: 'held', everySlotDelivered: false, everyFriendAnswered: () => false },
    { act: 'keep' },
  ],
  [
    'aging, past its time',
    { kind: 'aging', dropAt: 99, now: 100 },
    { act: 'drop', reason: 'expired' },
  ],
  ['aging, on its last second', { kind: 'aging', dropAt: 100, now: 100 }, { act: 'keep' }],
];

describe('the relay decision', () => {
  it.each(table)('%s', (_what, situation, verdict) => {
    expect(relayDecision(situation)).toEqual(verdict);
  });

  it('looks at the hints only when relaying would not fetch it anyway', () => {
    let looked = 0;
    const counted = () => (looked++, false);
    relayDecision(offered(1, 500, counted));
    expect(looked).toBe(0);
    relayDecision(offered(0, 500, counted));
    expect(looked).toBe(1);
  });

  it('counts a friend as answered when they gave it, hold it or declined it', () => {
    const friends = (...fps: string[]) => ({
      size: fps.length,
      list: () => fps.map((f) => ({ fingerprintHex: f })),
    });
    const copy = { fromPeer: 'a', heldBy: ['b'], declinedBy: ['c'] };
    expect(everyFriendAnswered(friends('a', 'b', 'c'), copy)).toBe(true);
    expect(everyFriendAnswered(friends('a', 'b', 'c', 'd'), copy)).toBe(false);
    expect(everyFriendAnswered(friends('a', 'b', 'd'), copy)).toBe(false);
  });
});
