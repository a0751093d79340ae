/**
 * Which data channels the network host keeps. Anyone holding a user's card can dial them, and
 * a hostile tracker can claim any peer id; so:
 * - a link whose session proved the friend's key (authenticated) is never dropped for a
 *   newcomer that has proved nothing, whichever tracker it came through. The newcomer may stay
 *   beside it: if its session proves the friend too (both sides dialled at once, and the two
 *   sides saw the proofs in different orders), the node keeps the newer session on both sides
 *   alike; an impostor never gets that far and is closed by its handshake deadline. Dropping the
 *   newcomer instead would let the two sides disagree (each dropping the other's) and lose both.
 *   Otherwise both sides keep the link the lower peer id dialled; one that opens while that one
 *   is still connecting serves beside it until it opens (behind some NATs only one direction's
 *   ICE succeeds, and then it never does);
 * - one link per peer id, not per tracker and peer id: friends registered with each other's
 *   trackers (federation) dial through different ones, and two links would mean two sessions
 *   that close each other;
 * - channels from peers who are not friends (a stranger's friend request comes this way) are
 *   few at a time, few per minute, and fewer still from any one peer id; one that does not
 *   open in time gives its place back.
 */
import { TokenBucket } from '../core/token-bucket';
import type { PeerId } from '../core/tracker/peer-id';

export interface LinkFacts {
  tracker: string;
  peerId: PeerId;
  initiator: boolean;
  open: boolean;
  authenticated: boolean;
}

export const samePeer = (a: LinkFacts, b: LinkFacts): boolean => a.peerId === b.peerId;

export type Admission<L> = { keep: true; drop: L[] } | { keep: false };

/** Whether a channel that just opened is kept, and which of the others it replaces. */
export function admitOpened<L extends LinkFacts>(
  candidate: L,
  others: readonly L[],
  myPeerId: string,
): Admission<L> {
  const dialler = (l: LinkFacts) => (l.initiator ? myPeerId : l.peerId);
  const drop: L[] = [];
  for (const other of others) {
    if (other === candidate || !samePeer(other, candidate) || other.authenticated) continue;
    if (dialler(candidate) < dialler(other)) drop.push(other);
    // The other is the one both sides keep, once it opens: until then this one serves, beside
    // it. (Dropping it as "still connecting" made both sides of a simultaneous dial drop the
    // link the other kept, and lose both — every presence round, as both ask at once.)
    else if (other.open) return { keep: false };
  }
  return { keep: true, drop };
}

export interface StrangerLimits {
  /** Channels from non-friends open or opening at once. */
  concurrent: number;
  /** New ones: a burst, then this many per minute. */
  burst: number;
  perMinute: number;
  /** From any one peer id: a burst, then one per this many minutes. */
  perPeerBurst: number;
  perPeerEveryMinutes: number;
  /** A channel that has not opened by then is closed, and its place freed. */
  openWithinMs: number;
}

/**
 * Every channel attempt counts, including dials whose ICE never finds a path (the first try and
 * its relay-only retry) and the caller's redials after we close an introduction channel: an
 * honest requester needs several. One caller cannot take all of them: the tracker passes at
 * most a few dials a minute from one address to one peer (signaling-server/dial-fairness.ts),
 * and a channel that never opens gives its place back after `openWithinMs`.
 */
export const DEFAULT_STRANGER_LIMITS: StrangerLimits = {
  concurrent: 4,
  burst: 8,
  perMinute: 12,
  perPeerBurst: 4,
  perPeerEveryMinutes: 1,
  openWithinMs: 10_000,
};

/**
 * Calls that prove one of the user's invite links (core/identity/invite-token.ts): a lane of
 * their own, so strangers spending the allowance above cannot keep out the people the user just
 * invited. Smaller: only a holder of a current link gets in here.
 */
export const INVITED_LIMITS: StrangerLimits = {
  concurrent: 2,
  burst: 4,
  perMinute: 4,
  perPeerBurst: 4,
  perPeerEveryMinutes: 1,
  openWithinMs: 10_000,
};

/** Peer ids remembered for their own allowance (the oldest forgotten first). */
const PEERS_REMEMBERED = 256;

/** A place taken by a stranger's channel, given back with `left()`. */
export interface StrangerTicket {
  readonly id: number;
}

/** Admission of channels from peers who are not friends. */
export class StrangerGate {
  /** Places taken: when, and whether the channel has opened since. */
  private readonly taken = new Map<number, { enteredAt: number; open: boolean }>();
  private tickets = 0;
  private readonly bucket: TokenBucket;
  private readonly perPeer = new Map<string, TokenBucket>();

  constructor(
    readonly limits: StrangerLimits = DEFAULT_STRANGER_LIMITS,
    private readonly now: () => number = Date.now,
  ) {
    this.bucket = new TokenBucket(limits.perMinute / 60, limits.burst, now);
  }

  /** A place for one more from this peer id, or null (then `opened()`, and `left()` when it goes). */
  enter(peerId: PeerId): StrangerTicket | null {
    if (this.placesTaken() >= this.limits.concurrent) return null;
    if (!this.peerBucket(peerId).take()) return null;
    if (!this.bucket.take()) return null;
    const ticket = { id: ++this.tickets };
    this.taken.set(ticket.id, { enteredAt: this.now(), open: false });
    return ticket;
  }

  opened(ticket: StrangerTicket): void {
    const place = this.taken.get(ticket.id);
    if (place) place.open = true;
  }

  left(ticket: StrangerTicket): void {
    this.taken.delete(ticket.id);
  }

  /** Open channels, and unopened ones still within their deadline (the rest are being closed). */
  private placesTaken(): number {
    const since = this.now() - this.limits.openWithinMs;
    let count = 0;
    for (const place of this.taken.values()) if (place.open || place.enteredAt > since) count++;
    return count;
  }

  private peerBucket(peerId: PeerId): TokenBucket {
    let bucket = this.perPeer.get(peerId);
    if (!bucket) {
      const oldest = this.perPeer.keys().next();
      if (this.perPeer.size >= PEERS_REMEMBERED && !oldest.done) this.perPeer.delete(oldest.value);
      const { perPeerBurst, perPeerEveryMinutes } = this.limits;
      bucket = new TokenBucket(1 / (perPeerEveryMinutes * 60), perPeerBurst, this.now);
      this.perPeer.set(peerId, bucket);
    }
    return bucket;
  }
}
