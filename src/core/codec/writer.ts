/** Big-endian writer mirroring Reader; refuses values a reader would refuse. */
import { concatBytes, utf8 } from '../bytes';

export class Writer {
  private readonly parts: Uint8Array[] = [];

  u8(v: number): this {
    return this.push(1, (d) => d.setUint8(0, check(v, 0xff)));
  }

  u16(v: number): this {
    return this.push(2, (d) => d.setUint16(0, check(v, 0xffff)));
  }

  u32(v: number): this {
    return this.push(4, (d) => d.setUint32(0, check(v, 0xffff_ffff)));
  }

  time(ms: number): this {
    check(ms, Number.MAX_SAFE_INTEGER);
    return this.u32(Math.floor(ms / 0x1_0000_0000)).u32(ms % 0x1_0000_0000);
  }

  fixed(bytes: Uint8Array, length: number): this {
    if (bytes.length !== length)
      throw new RangeError(`expected ${length} bytes, got ${bytes.length}`);
    this.parts.push(bytes);
    return this;
  }

  bytesOf(prefix: 1 | 2 | 4, max: number, bytes: Uint8Array): this {
    if (bytes.length > max) throw new RangeError(`field of ${bytes.length} bytes exceeds ${max}`);
    (prefix === 1
      ? this.u8(bytes.length)
      : prefix === 2
        ? this.u16(bytes.length)
        : this.u32(bytes.length)
    ).parts.push(bytes);
    return this;
  }

  text(prefix: 1 | 2 | 4, maxBytes: number, value: string): this {
    return this.bytesOf(prefix, maxBytes, utf8(value));
  }

  raw(bytes: Uint8Array): this {
    this.parts.push(bytes);
    return this;
  }

  finish(): Uint8Array {
    return concatBytes(...this.parts);
  }

  private push(size: number, set: (view: DataView) => void): this {
    const bytes = new Uint8Array(size);
    set(new DataView(bytes.buffer));
    this.parts.push(bytes);
    return this;
  }
}

function check(v: number, max: number): number {
  if (!Number.isInteger(v) || v < 0 || v > max) throw new RangeError(`${v} out of range 0..${max}`);
  return v;
}
