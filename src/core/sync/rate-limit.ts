/** Token buckets for frames and bytes a peer may send us; a peer past them is cut off. */
export interface RateLimits {
  framesPerSecond: number;
  frameBurst: number;
  bytesPerSecond: number;
  byteBurst: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = {
  framesPerSecond: 1000,
  frameBurst: 4000,
  bytesPerSecond: 16 * 1024 * 1024,
  byteBurst: 64 * 1024 * 1024,
};

export class RateLimiter {
  private frames: number;
  private bytes: number;
  private last: number;

  constructor(
    private readonly limits: RateLimits,
    private readonly now: () => number,
  ) {
    this.frames = limits.frameBurst;
    this.bytes = limits.byteBurst;
    this.last = now();
  }

  /** False when the peer exceeded its allowance. */
  take(frameBytes: number): boolean {
    const t = this.now();
    const elapsed = Math.max(0, t - this.last) / 1000;
    this.last = t;
    this.frames = Math.min(
      this.limits.frameBurst,
      this.frames + elapsed * this.limits.framesPerSecond,
    );
    this.bytes = Math.min(this.limits.byteBurst, this.bytes + elapsed * this.limits.bytesPerSecond);
    this.frames -= 1;
    this.bytes -= frameBytes;
    return this.frames >= 0 && this.bytes >= 0;
  }
}
