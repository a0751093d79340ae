/**
 * The relay's one decision: whether to request an offered copy, keep one that arrived, hand a
 * held copy on to a friend, or drop it. Pure: each caller (offers, accept, holders, receipts,
 * purge) gathers the facts and acts on the verdict, so the rules live here and only here.
 *
 * - Request a copy that can be relayed (hops left, within the size limit and the quota), or
 *   one whose hints say it is for us; decline the rest with the reason.
 * - Keep what arrived unless it was for us alone: a message to several people is held for the
 *   others, who may be our friends too.
 * - Hand a copy on to a friend who did not give it to us, does not hold it and did not decline it.
 * - Drop a held copy when every slot is delivered or every friend has answered (it is retired:
 *   its id and header are remembered), or when its time is up.
 */
import type { RelayPolicy } from '../state/records';

type Limits = Pick<RelayPolicy, 'maxMessageBytes' | 'quotaBytes'>;

export type RelaySituation =
  /** A friend offers a copy we do not hold (and nobody here is fetching). */
  | { kind: 'offered'; hopsLeft: number; size: number; policy: Limits; forMe: () => boolean }
  /** A copy arrived; `mine` when a slot of it opened for us. */
  | { kind: 'arrived'; mine: boolean; slotCount: number; size: number; policy: Limits }
  /** Whether to offer a held copy to this friend. */
  | {
      kind: 'hand-on';
      expired: boolean;
      cameFromThem: boolean;
      theyHoldIt: boolean;
      theyDeclined: boolean;
    }
  /** A held copy after a receipt, a new holder or a decline. */
  | { kind: 'held'; everySlotDelivered: boolean; everyFriendAnswered: () => boolean }
  /** A held copy as time passes (the periodic purge). */
  | { kind: 'aging'; dropAt: number; now: number };

export type DropReason = 'only-for-us' | 'too-large' | 'expired' | 'delivered' | 'all-answered';

export type RelayVerdict =
  | { act: 'request' }
  | { act: 'decline'; reason: 'not-wanted' | 'too-large' | 'quota' }
  | { act: 'keep' }
  | { act: 'offer' }
  | { act: 'skip' }
  | { act: 'drop'; reason: DropReason };

const REQUEST: RelayVerdict = { act: 'request' };
const KEEP: RelayVerdict = { act: 'keep' };
const drop = (reason: DropReason): RelayVerdict => ({ act: 'drop', reason });
const fits = (size: number, policy: Limits) =>
  size <= policy.maxMessageBytes && size <= policy.quotaBytes;

export function relayDecision(situation: RelaySituation): RelayVerdict {
  switch (situation.kind) {
    case 'offered': {
      const { hopsLeft, size, policy } = situation;
      // Wanted either way: whether it is for us is found out once, when it arrives.
      if (hopsLeft > 0 && fits(size, policy)) return REQUEST;
      if (situation.forMe()) return REQUEST;
      if (hopsLeft === 0) return { act: 'decline', reason: 'not-wanted' };
      return { act: 'decline', reason: size > policy.maxMessageBytes ? 'too-large' : 'quota' };
    }
    case 'arrived':
      if (situation.mine && situation.slotCount <= 1) return drop('only-for-us');
      return fits(situation.size, situation.policy) ? KEEP : drop('too-large');
    case 'hand-on': {
      const { expired, cameFromThem, theyHoldIt, theyDeclined } = situation;
      return expired || cameFromThem || theyHoldIt || theyDeclined
        ? { act: 'skip' }
        : { act: 'offer' };
    }
    case 'held':
      if (situation.everySlotDelivered) return drop('delivered');
      return situation.everyFriendAnswered() ? drop('all-answered') : KEEP;
    case 'aging':
      return situation.dropAt < situation.now ? drop('expired') : KEEP;
  }
}

/** Every friend gave it to us, holds it, or declined it: nobody is left to hand it to. */
export function everyFriendAnswered(
  friends: { readonly size: number; list(): readonly { fingerprintHex: string }[] },
  copy: { fromPeer: string; heldBy: readonly string[]; declinedBy: readonly string[] },
): boolean {
  // Counting first: most answers leave friends to hear from, and need no set built.
  if (1 + copy.heldBy.length + copy.declinedBy.length < friends.size) return false;
  const answered = new Set([copy.fromPeer, ...copy.heldBy, ...copy.declinedBy]);
  return friends.list().every((f) => answered.has(f.fingerprintHex));
}
