/**
 * Bounded big-endian reader over untrusted bytes. Every read checks its length first and
 * every variable-length field has a caller-given maximum, so no input can make a decoder
 * allocate or loop beyond what the format allows.
 */
import { MAX_TIME_MS } from '../dates';
import { fromUtf8, u32At } from '../bytes';
import { DecodeError } from './decode-error';

export class Reader {
  private offset = 0;

  // Reads bytes directly, without a DataView: one was made per decode, for millions of frames in
  // a simulation, and creating it cost more than the reads.
  constructor(
    private readonly bytes: Uint8Array,
    private readonly what: string,
  ) {}

  get position(): number {
    return this.offset;
  }

  get remaining(): number {
    return this.bytes.length - this.offset;
  }

  private need(n: number, field: string): void {
    if (n > this.remaining)
      throw new DecodeError('malformed', `${this.what}: ${field} runs past the end`);
  }

  u8(field: string): number {
    this.need(1, field);
    return this.bytes[this.offset++] ?? 0;
  }

  u16(field: string): number {
    this.need(2, field);
    const b = this.bytes;
    const at = this.offset;
    this.offset += 2;
    return ((b[at] ?? 0) << 8) | (b[at + 1] ?? 0);
  }

  u32(field: string): number {
    this.need(4, field);
    const at = this.offset;
    this.offset += 4;
    return u32At(this.bytes, at);
  }

  /** Milliseconds since the epoch, as 8 bytes; at most the end of the year 9999. */
  time(field: string): number {
    const high = this.u32(field);
    const low = this.u32(field);
    const ms = high * 0x1_0000_0000 + low;
    if (ms > MAX_TIME_MS) throw new DecodeError('malformed', `${this.what}: ${field} out of range`);
    return ms;
  }

  fixed(length: number, field: string): Uint8Array {
    this.need(length, field);
    const out = this.bytes.slice(this.offset, this.offset + length);
    this.offset += length;
    return out;
  }

  /** Like fixed(), but a view into the input instead of a copy (for short-lived decodes). */
  subview(length: number, field: string): Uint8Array {
    this.need(length, field);
    const out = this.bytes.subarray(this.offset, this.offset + length);
    this.offset += length;
    return out;
  }

  /** Length-prefixed bytes (prefix of 1, 2 or 4 bytes), at most `max` long. */
  bytesOf(prefix: 1 | 2 | 4, max: number, field: string): Uint8Array {
    return this.fixed(this.lengthOf(prefix, max, field), field);
  }

  /** Like bytesOf(), but a view into the input (for short-lived decodes). */
  viewOf(prefix: 1 | 2 | 4, max: number, field: string): Uint8Array {
    return this.subview(this.lengthOf(prefix, max, field), field);
  }

  private lengthOf(prefix: 1 | 2 | 4, max: number, field: string): number {
    const length = prefix === 1 ? this.u8(field) : prefix === 2 ? this.u16(field) : this.u32(field);
    if (length > max)
      throw new DecodeError('too-large', `${this.what}: ${field} is ${length} bytes, limit ${max}`);
    return length;
  }

  /** Length-prefixed UTF-8 text, at most `maxBytes` encoded. */
  text(prefix: 1 | 2 | 4, maxBytes: number, field: string): string {
    const raw = this.bytesOf(prefix, maxBytes, field);
    try {
      return fromUtf8(raw);
    } catch {
      throw new DecodeError('malformed', `${this.what}: ${field} is not UTF-8`);
    }
  }

  rest(): Uint8Array {
    return this.fixed(this.remaining, 'rest');
  }

  end(): void {
    if (this.remaining !== 0)
      throw new DecodeError('malformed', `${this.what}: ${this.remaining} trailing bytes`);
  }
}
