/**
 * Offered ids this node is deciding on or fetching, across all its sessions. An id is claimed
 * here before the store is asked whether it is known (so two sessions never both fetch it), and
 * marked fetching once one session has requested its body. Other friends who offer an id while
 * its body is on its way are remembered, and told "have" when it is stored: they learn at once
 * that this node holds it (and, if their copy had more hops left, this node's copy gets them),
 * instead of offering it again next session. Everything here ends with the fetch: stored,
 * refused or abandoned with its session.
 */
import type { EnvelopeId } from '../envelope/envelope-id';
export interface WaitingOffer {
  peer: string;
  hopsLeft: number;
  /** The body's size as offered: if the fetch fails, this friend can be asked instead. */
  size: number;
}

export class InFlight {
  /** null while some session decides on the id; then the offers waiting for its body. */
  private readonly ids = new Map<string, WaitingOffer[] | null>();

  has(id: EnvelopeId): boolean {
    return this.ids.has(id);
  }

  claim(id: EnvelopeId): void {
    this.ids.set(id, null);
  }

  fetching(id: EnvelopeId): void {
    if (this.ids.get(id) === null) this.ids.set(id, []);
  }

  /** Remembers an offer of an id being fetched; false if it is not being fetched (yet, or now). */
  wait(id: EnvelopeId, offer: WaitingOffer): boolean {
    const waiting = this.ids.get(id);
    if (!waiting) return false;
    if (!waiting.some((w) => w.peer === offer.peer)) waiting.push(offer);
    return true;
  }

  /** Ends the claim; returns the offers that waited for it. */
  release(id: EnvelopeId): WaitingOffer[] {
    const waiting = this.ids.get(id) ?? [];
    this.ids.delete(id);
    return waiting;
  }

  /**
   * The friend fetching `id` (`from`) did not send it in time: it is asked of the next friend
   * that offered it meanwhile and is `live`; the others go on waiting. `ask` says whether that
   * friend could be asked. With nobody to ask, the offers are let go (offered again next session).
   */
  reassign(
    id: EnvelopeId,
    from: string,
    live: (peer: string) => boolean,
    ask: (next: WaitingOffer) => boolean,
  ): void {
    const waiting = this.release(id);
    const next = waiting.find((w) => w.peer !== from && live(w.peer));
    if (!next) return;
    this.claim(id);
    this.fetching(id);
    for (const w of waiting) if (w !== next) this.wait(id, w);
    if (!ask(next)) this.release(id);
  }
}
