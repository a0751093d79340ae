/**
 * Envelopes for this user that did not open for a reason that may pass (a signature from a
 * clock further ahead than the tolerance, a key not valid yet), remembered per id so that the
 * next offers of the same copy are not fetched and decrypted again at once: a friend could
 * otherwise make this node fetch and decrypt a bad envelope every time it offers it. An id is
 * asked for again after a wait that doubles with each refusal (5 minutes, then 10, … at most
 * an hour). In memory, bounded; forgotten on restart (one more try then is cheap).
 */
import type { EnvelopeId } from '../envelope/envelope-id';

const FIRST_WAIT_MS = 5 * 60_000;
const LONGEST_WAIT_MS = 60 * 60_000;
const REMEMBERED = 1024;

interface Refusal {
  retryAt: number;
  refusals: number;
}

export class RefusedForNow {
  private readonly refusals = new Map<EnvelopeId, Refusal>();

  /** True while `id` waits for its next try. */
  waiting(id: EnvelopeId, now: number): boolean {
    const refusal = this.refusals.get(id);
    return refusal !== undefined && now < refusal.retryAt;
  }

  refused(id: EnvelopeId, now: number): void {
    const refusals = (this.refusals.get(id)?.refusals ?? 0) + 1;
    const wait = Math.min(LONGEST_WAIT_MS, FIRST_WAIT_MS * 2 ** (refusals - 1));
    this.refusals.delete(id); // re-inserted last: the map's order is the age of the news
    this.refusals.set(id, { retryAt: now + wait, refusals });
    const oldest = this.refusals.keys().next();
    if (this.refusals.size > REMEMBERED && !oldest.done) this.refusals.delete(oldest.value);
  }

  /** It opened after all. */
  forget(id: EnvelopeId): void {
    this.refusals.delete(id);
  }
}
