/**
 * The bodies this side asked one peer for, each with its own deadline. A friend could otherwise
 * censor any envelope whose id it knows: offer it, be asked, never send it — and, since a body
 * is fetched from one friend at a time, every other friend's offer of it would wait for ever.
 *
 * The deadline is fixed when a body is asked and never moves: a base, plus every byte asked of
 * this peer and not yet received (this body included) at a slow link's speed, so an honest peer
 * answering in order meets each one. It is not reset by other bodies arriving: a friend who
 * trickles junk it offered just inside the window, and never the body it means to censor, would
 * otherwise keep that body's window open for as long as the junk lasts. An overdue body is given
 * to the caller at once (it asks the next holder) while this peer goes on delivering others; a
 * peer whose bodies go overdue `maxStalls` times with nothing delivered between is given up on.
 * At most `maxOutstanding` requests are open to one peer; the rest queue (up to `maxQueued`,
 * beyond that they are let go for others to fetch).
 */
import type { EnvelopeId } from '../envelope/envelope-id';

export interface BodyRequestLimits {
  maxOutstanding: number;
  maxQueued: number;
  baseWindowMs: number;
  bytesPerSecond: number;
  maxStalls: number;
}

export const DEFAULT_BODY_LIMITS: BodyRequestLimits = {
  maxOutstanding: 16,
  maxQueued: 1024,
  baseWindowMs: 20_000,
  // 4 MiB, the largest envelope, gets about two minutes.
  bytesPerSecond: 32 * 1024,
  maxStalls: 2,
};

export interface WantedBody {
  id: EnvelopeId;
  size: number;
}

export interface BodyRequestEvents {
  /** Ask the peer for these now. */
  request(ids: EnvelopeId[]): void;
  /** The peer did not send these in time: others may be asked. */
  overdue(ids: EnvelopeId[]): void;
  /** Never asked of this peer (too many queued, or it stalled): others may fetch them. */
  letGo(ids: EnvelopeId[]): void;
  /** The peer stalled `maxStalls` times running. */
  stalled(): void;
}

/** What arrived: a body we are waiting for, one that came after its deadline, or neither. */
export type Arrival = 'requested' | 'late' | 'unrequested';

/** Ids given up on are remembered this long (count) so their late bodies are dropped quietly. */
const LATE_REMEMBERED = 1024;

interface Outstanding {
  size: number;
  /** `Date.now()` by which the body must have arrived; fixed when it was asked. */
  dueAt: number;
}

export class BodyRequests {
  private readonly outstanding = new Map<EnvelopeId, Outstanding>();
  private queued: WantedBody[] = [];
  private readonly late = new Set<EnvelopeId>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stalls = 0;

  constructor(
    private readonly limits: BodyRequestLimits,
    private readonly events: BodyRequestEvents,
    private readonly now: () => number = Date.now,
  ) {}

  add(bodies: readonly WantedBody[]): void {
    const room = this.limits.maxQueued - this.queued.length;
    const letGo = bodies.slice(Math.max(0, room)).map((b) => b.id);
    this.queued.push(...bodies.slice(0, Math.max(0, room)));
    if (letGo.length) this.events.letGo(letGo);
    this.pump();
  }

  arrived(id: EnvelopeId): Arrival {
    if (this.outstanding.delete(id)) {
      this.stalls = 0;
      this.pump();
      return 'requested';
    }
    return this.late.delete(id) ? 'late' : 'unrequested';
  }

  /** Every id still wanted (the session ends); no more timers. */
  close(): EnvelopeId[] {
    this.stopTimer();
    const ids = [...this.outstanding.keys(), ...this.queued.map((q) => q.id)];
    this.outstanding.clear();
    this.queued = [];
    return ids;
  }

  private pump(): void {
    const room = this.limits.maxOutstanding - this.outstanding.size;
    if (room <= 0 || this.queued.length === 0) return;
    const next = this.queued.splice(0, room);
    const now = this.now();
    let bytesAhead = 0;
    for (const body of this.outstanding.values()) bytesAhead += body.size;
    for (const body of next) {
      bytesAhead += body.size;
      const dueAt =
        now + this.limits.baseWindowMs + (bytesAhead / this.limits.bytesPerSecond) * 1000;
      this.outstanding.set(body.id, { size: body.size, dueAt });
    }
    this.events.request(next.map((b) => b.id));
    this.armTimer();
  }

  /** One timer, for the earliest deadline (deadlines only ever join later, so it is the first). */
  private armTimer(): void {
    if (this.timer) return;
    let earliest = Infinity;
    for (const body of this.outstanding.values()) earliest = Math.min(earliest, body.dueAt);
    if (earliest === Infinity) return;
    this.timer = setTimeout(() => this.deadlinePassed(), Math.max(0, earliest - this.now()));
  }

  private stopTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private deadlinePassed(): void {
    this.timer = null;
    const now = this.now();
    const overdue: EnvelopeId[] = [];
    for (const [id, body] of this.outstanding) if (body.dueAt <= now) overdue.push(id);
    for (const id of overdue) {
      this.outstanding.delete(id);
      this.rememberLate(id);
    }
    if (overdue.length) {
      this.events.overdue(overdue);
      if (++this.stalls >= this.limits.maxStalls) {
        const queued = this.queued.map((q) => q.id);
        this.queued = [];
        if (queued.length) this.events.letGo(queued);
        this.events.stalled();
        return;
      }
    }
    this.pump();
    this.armTimer();
  }

  private rememberLate(id: EnvelopeId): void {
    this.late.add(id);
    const oldest = this.late.values().next();
    if (this.late.size > LATE_REMEMBERED && !oldest.done) this.late.delete(oldest.value);
  }
}
