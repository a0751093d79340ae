/**
 * The bodies this side asked one peer for, with a deadline. A friend could otherwise censor
 * any envelope whose id it knows: offer it, be asked, never send it — and, since a body is
 * fetched from one friend at a time, every other friend's offer of it would wait for ever.
 *
 * Bodies come back in the order asked (the peer answers requests one after another), so the
 * deadline is on progress: while requests are outstanding, the oldest must arrive within a
 * window sized for it (a base plus its size at a slow link's speed), counted from when it was
 * asked or the previous body came, whichever is later. A window that passes makes every
 * outstanding request overdue at once (the caller asks other holders); a peer that stalls
 * `maxStalls` times in a row is given up on. At most `maxOutstanding` requests are open to one
 * peer; the rest queue (up to `maxQueued`, beyond that they are let go for others to fetch).
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

export class BodyRequests {
  private readonly outstanding = new Map<EnvelopeId, number>();
  private queued: WantedBody[] = [];
  private readonly late = new Set<EnvelopeId>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stalls = 0;

  constructor(
    private readonly limits: BodyRequestLimits,
    private readonly events: BodyRequestEvents,
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
      this.restartWindow();
      this.pump();
      return 'requested';
    }
    return this.late.delete(id) ? 'late' : 'unrequested';
  }

  /** Every id still wanted (the session ends); no more timers. */
  close(): EnvelopeId[] {
    this.stopWindow();
    const ids = [...this.outstanding.keys(), ...this.queued.map((q) => q.id)];
    this.outstanding.clear();
    this.queued = [];
    return ids;
  }

  private pump(): void {
    const room = this.limits.maxOutstanding - this.outstanding.size;
    if (room <= 0 || this.queued.length === 0) return;
    const next = this.queued.splice(0, room);
    for (const body of next) this.outstanding.set(body.id, body.size);
    this.events.request(next.map((b) => b.id));
    if (!this.timer) this.restartWindow();
  }

  private restartWindow(): void {
    this.stopWindow();
    const oldest = this.outstanding.values().next();
    if (oldest.done) return;
    const windowMs = this.limits.baseWindowMs + (oldest.value / this.limits.bytesPerSecond) * 1000;
    this.timer = setTimeout(() => this.windowPassed(), windowMs);
  }

  private stopWindow(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private windowPassed(): void {
    this.timer = null;
    const overdue = [...this.outstanding.keys()];
    this.outstanding.clear();
    for (const id of overdue) this.rememberLate(id);
    this.events.overdue(overdue);
    if (++this.stalls >= this.limits.maxStalls) {
      const queued = this.queued.map((q) => q.id);
      this.queued = [];
      if (queued.length) this.events.letGo(queued);
      this.events.stalled();
      return;
    }
    this.pump();
  }

  private rememberLate(id: EnvelopeId): void {
    this.late.add(id);
    const oldest = this.late.values().next();
    if (this.late.size > LATE_REMEMBERED && !oldest.done) this.late.delete(oldest.value);
  }
}
