/**
 * Big-endian writer mirroring Reader; refuses values a reader would refuse. Writes into one
 * growing buffer (frames are encoded constantly while syncing).
 */
import { MAX_TIME_MS } from '../dates';
import { utf8 } from '../bytes';

export class Writer {
  private buffer: Uint8Array;
  private length = 0;

  /**
   * `capacity`: the size expected, when known (no growing, and no copy at the end). Bytes are
   * written directly, without a DataView (making one per frame cost more than the writes).
   */
  constructor(capacity = 256) {
    this.buffer = new Uint8Array(capacity);
  }

  private reserve(n: number): number {
    const at = this.length;
    if (at + n > this.buffer.length) {
      const bigger = new Uint8Array(Math.max(this.buffer.length * 2, at + n));
      bigger.set(this.buffer.subarray(0, at));
      this.buffer = bigger;
    }
    this.length += n;
    return at;
  }

  u8(v: number): this {
    const at = this.reserve(1); // before reading this.buffer: reserve may replace it
    this.buffer[at] = check(v, 0xff);
    return this;
  }

  u16(v: number): this {
    check(v, 0xffff);
    const at = this.reserve(2);
    const b = this.buffer;
    b[at] = v >>> 8;
    b[at + 1] = v & 0xff;
    return this;
  }

  u32(v: number): this {
    check(v, 0xffff_ffff);
    const at = this.reserve(4);
    const b = this.buffer;
    b[at] = v >>> 24;
    b[at + 1] = (v >>> 16) & 0xff;
    b[at + 2] = (v >>> 8) & 0xff;
    b[at + 3] = v & 0xff;
    return this;
  }

  time(ms: number): this {
    check(ms, MAX_TIME_MS);
    return this.u32(Math.floor(ms / 0x1_0000_0000)).u32(ms % 0x1_0000_0000);
  }

  fixed(bytes: Uint8Array, length: number): this {
    if (bytes.length !== length)
      throw new RangeError(`expected ${length} bytes, got ${bytes.length}`);
    return this.raw(bytes);
  }

  bytesOf(prefix: 1 | 2 | 4, max: number, bytes: Uint8Array): this {
    if (bytes.length > max) throw new RangeError(`field of ${bytes.length} bytes exceeds ${max}`);
    if (prefix === 1) this.u8(bytes.length);
    else if (prefix === 2) this.u16(bytes.length);
    else this.u32(bytes.length);
    return this.raw(bytes);
  }

  text(prefix: 1 | 2 | 4, maxBytes: number, value: string): this {
    return this.bytesOf(prefix, maxBytes, utf8(value));
  }

  raw(bytes: Uint8Array): this {
    const at = this.reserve(bytes.length);
    this.buffer.set(bytes, at);
    return this;
  }

  finish(): Uint8Array {
    return this.length === this.buffer.length ? this.buffer : this.buffer.slice(0, this.length);
  }
}

function check(v: number, max: number): number {
  if (!Number.isInteger(v) || v < 0 || v > max) throw new RangeError(`${v} out of range 0..${max}`);
  return v;
}
