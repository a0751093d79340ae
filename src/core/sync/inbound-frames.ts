/**
 * Frames from one peer, handled strictly one after another (each fully persisted before the
 * next), within bounds: a rate (frames and bytes per second, token buckets) and a limit on how
 * many may wait to be handled, so a peer that sends faster than we store cannot grow our memory.
 */
import { DEFAULT_RATE_LIMITS, RateLimiter, type RateLimits } from './rate-limit';
import { SessionError } from './session-error';

/**
 * At most waiting: every body we asked for (16 outstanding, up to 4 MiB each) plus room for the
 * small frames between them.
 */
export const MAX_WAITING = { frames: 1024, bytes: 16 * 4 * 1024 * 1024 + 8 * 1024 * 1024 };

export interface InboundOptions {
  rateLimits?: RateLimits;
  wallClock?: () => number;
  /** Shared count of frames received and not yet handled (lets a simulation see quiet). */
  activity?: { pending: number };
}

export class InboundFrames {
  private queue: Promise<void> = Promise.resolve();
  private readonly limiter: RateLimiter;
  private readonly waiting = { frames: 0, bytes: 0 };

  constructor(
    private readonly options: InboundOptions,
    private readonly handle: (bytes: Uint8Array) => Promise<void>,
    private readonly fail: (error: unknown) => void,
    /** Every frame received so far is handled: answers held back for a burst may go. */
    private readonly idle: () => void = () => undefined,
  ) {
    this.limiter = new RateLimiter(
      options.rateLimits ?? DEFAULT_RATE_LIMITS,
      options.wallClock ?? (() => performance.now()),
    );
  }

  /** A frame arrived: queued behind the others, or the peer is over a bound (it fails). */
  push(bytes: Uint8Array): void {
    if (!this.limiter.take(bytes.length))
      return this.fail(new SessionError('rate-limited', 'too many frames or bytes'));
    if (
      this.waiting.frames >= MAX_WAITING.frames ||
      this.waiting.bytes + bytes.length > MAX_WAITING.bytes
    )
      return this.fail(new SessionError('rate-limited', 'too many frames waiting'));
    this.waiting.frames++;
    this.waiting.bytes += bytes.length;
    const activity = this.options.activity;
    if (activity) activity.pending++;
    this.queue = this.queue
      .then(() => this.handle(bytes))
      .catch((error: unknown) => this.fail(error))
      .finally(() => {
        this.waiting.frames--;
        this.waiting.bytes -= bytes.length;
        if (activity) activity.pending--;
        if (this.waiting.frames === 0) this.idle();
      });
  }

  /** Frames received and not yet handled (the one being handled included). */
  get busy(): boolean {
    return this.waiting.frames > 0;
  }

  /** Runs after every frame received so far (a close must not overtake a BYE's reason). */
  then(run: () => void): void {
    this.queue = this.queue.then(run);
  }
}
