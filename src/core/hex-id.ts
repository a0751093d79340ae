/**
 * The shape every branded hex id shares: made from its bytes (a fixed count), or checked when
 * it comes from outside as lowercase hex of that length. Each id keeps its own brand and file.
 */
import { toHex } from './bytes';
import type { Guard } from './guard';

export interface HexId<T extends string> {
  fromBytes(bytes: Uint8Array): T;
  guard: Guard<T>;
}

export function hexId<T extends string>(byteLength: number, what: string): HexId<T> {
  const pattern = new RegExp(`^[0-9a-f]{${byteLength * 2}}$`);
  return {
    fromBytes(bytes) {
      if (bytes.length !== byteLength) throw new RangeError(`${what} is ${byteLength} bytes`);
      return toHex(bytes) as T;
    },
    guard: (input, path = what) =>
      typeof input === 'string' && pattern.test(input)
        ? { ok: true, value: input as T }
        : { ok: false, reason: `${path}: not ${what} (${byteLength * 2} lowercase hex digits)` },
  };
}
