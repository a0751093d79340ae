/**
 * Dials per client address and callee. Anyone holding a user's card can dial them with a new
 * throwaway peer id each time, and the callee can admit only a few strangers a minute
 * (src/transport/link-admission.ts): without this, one client dialling once a second would
 * spend the callee's whole allowance and keep every honest newcomer out. The tracker sees the
 * dialler's address, which the callee does not: it passes at most a few offers a minute from
 * one address key (an IPv6 /64 as one) to one peer id, whatever ids they come from. Honest
 * friends dial a friend a few times at most (a try, its relay-only retry, a redial).
 * Offers past the allowance are dropped unanswered: the dial times out as if the callee were
 * away, and the dialler's own backoff tries again later. Clients on the tracker's own machine
 * (loopback) are not counted: they are its operator's, and all of a machine's browsers share
 * one address there.
 */
import { TokenBucket } from '../src/core/token-bucket';

export interface DialLimits {
  burst: number;
  perMinute: number;
}

export const DEFAULT_DIAL_LIMITS: DialLimits = { burst: 6, perMinute: 6 };

const LOOPBACK = /^(127\.|::1$|0:0:0:0::\/64$)/;

/** Pairs remembered at most; past that, idle ones are forgotten first, then the oldest. */
const PAIRS_REMEMBERED = 100_000;

export class DialFairness {
  private readonly pairs = new Map<string, TokenBucket>();

  constructor(
    private readonly limits: DialLimits = DEFAULT_DIAL_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether an offer from `addressKey` to `callee` may pass now. */
  allow(addressKey: string, callee: string): boolean {
    if (LOOPBACK.test(addressKey)) return true;
    const pair = `${addressKey} ${callee}`;
    let bucket = this.pairs.get(pair);
    if (!bucket) {
      if (this.pairs.size >= PAIRS_REMEMBERED) this.forget();
      bucket = new TokenBucket(this.limits.perMinute / 60, this.limits.burst, this.now);
      this.pairs.set(pair, bucket);
    }
    return bucket.take();
  }

  private forget(): void {
    for (const [pair, bucket] of this.pairs) if (bucket.idle) this.pairs.delete(pair);
    const oldest = this.pairs.keys().next();
    if (this.pairs.size >= PAIRS_REMEMBERED && !oldest.done) this.pairs.delete(oldest.value);
  }
}
