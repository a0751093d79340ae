/**
 * Fuzz inputs from a seeded PRNG (tools/sim/random.ts): random bytes, mutations of valid
 * encodings (flips, truncations, insertions, length fields set huge), random text, and values
 * shaped like messages — objects with the keys guards look for and hostile ones
 * (`__proto__`, `constructor`). Every input is at most a few KiB: an allocation far beyond
 * that is the decoder's, not the input's.
 */
import type { Random } from '../sim/random';

export const MAX_INPUT_BYTES = 4096;

export function randomBytes(r: Random, max = 256): Uint8Array {
  const out = new Uint8Array(r.int(max + 1));
  for (let i = 0; i < out.length; i++) out[i] = r.int(256);
  return out;
}

/** A valid encoding, damaged: what a peer that knows the format would send. */
export function mutate(r: Random, valid: Uint8Array): Uint8Array {
  let out = valid.slice(0, MAX_INPUT_BYTES);
  const edits = 1 + r.int(4);
  for (let e = 0; e < edits; e++) {
    const at = r.int(Math.max(1, out.length));
    switch (r.int(6)) {
      case 0: // flip a byte
        if (out.length) out[at] = r.int(256);
        break;
      case 1: // truncate
        out = out.slice(0, at);
        break;
      case 2: // insert random bytes
        out = Uint8Array.from([...out.subarray(0, at), ...randomBytes(r, 16), ...out.subarray(at)]);
        break;
      case 3: // a length-like field set huge (big-endian u16/u32 of 0xff)
        for (let i = at; i < Math.min(out.length, at + 1 + r.int(4)); i++) out[i] = 0xff;
        break;
      case 4: // zero a run
        for (let i = at; i < Math.min(out.length, at + r.int(8)); i++) out[i] = 0;
        break;
      default: // repeat a slice
        out = Uint8Array.from([...out, ...out.subarray(at, at + r.int(64))]).slice(
          0,
          MAX_INPUT_BYTES,
        );
    }
  }
  return out;
}

const ALPHABET = 'abcxyzAZ09.:/#?=&-_~%+ \n\t\u0000\u00e9\u2603\ud83d\ude00';

export function randomText(r: Random, max = 128): string {
  let s = '';
  const length = r.int(max + 1);
  for (let i = 0; i < length; i++) s += ALPHABET[r.int(ALPHABET.length)] ?? '';
  return s;
}

/** A damaged copy of a valid text (a card, a URL, a token). */
export function mutateText(r: Random, valid: string): string {
  const at = r.int(valid.length + 1);
  switch (r.int(4)) {
    case 0:
      return valid.slice(0, at);
    case 1:
      return valid.slice(0, at) + randomText(r, 8) + valid.slice(at);
    case 2:
      return valid.slice(0, at) + (ALPHABET[r.int(ALPHABET.length)] ?? '') + valid.slice(at + 1);
    default:
      return valid + valid.slice(at);
  }
}

const KEYS = [
  'type',
  'payload',
  'murmur',
  'channel',
  'id',
  'ids',
  'ask',
  'dst',
  'text',
  'to',
  'card',
  'link',
  'frame',
  'peerId',
  'tracker',
  'trackers',
  'redirected',
  'invite',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
];
const STRINGS = [
  '',
  'OFFER',
  'HEARTBEAT',
  'MURMUR-PRESENCE',
  'MURMUR-ICE',
  'ui',
  `m${'a'.repeat(32)}`,
];

/** A value as JSON.parse, or a structured clone, could give one — and then some. */
export function randomValue(r: Random, depth = 0): unknown {
  const leafOnly = depth >= 3;
  switch (r.int(leafOnly ? 7 : 10)) {
    case 0:
      return null;
    case 1:
      return undefined;
    case 2:
      return r.int(2) === 0;
    case 3:
      return r.pick([0, -1, 1.5, 2 ** 31, 2 ** 53, NaN, Infinity, -0]);
    case 4:
      return r.pick(STRINGS);
    case 5:
      return randomText(r, 40);
    case 6:
      return randomBytes(r, 32);
    case 7:
    case 8: {
      const object: Record<string, unknown> = r.int(8) === 0 ? Object.create(null) : {};
      const keys = r.int(6);
      for (let i = 0; i < keys; i++)
        Object.defineProperty(object, r.pick(KEYS), {
          value: randomValue(r, depth + 1),
          enumerable: true,
          configurable: true,
          writable: true,
        });
      return object;
    }
    default:
      return Array.from({ length: r.int(4) }, () => randomValue(r, depth + 1));
  }
}
