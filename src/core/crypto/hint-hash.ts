/**
 * The hint check's hash, SHA-256(key ‖ nonce ‖ dir) with a 32-byte key, a 16-byte nonce and one
 * direction byte, computed for one friend's fixed key and direction and many nonces. Half of the
 * padded block (the key's eight words, the direction byte and the length) never changes, so the
 * first eight rounds are done once per friend, and a check does the other 56 and returns only
 * the two words a hint is made of. A node checks every envelope offered with no hops left against
 * every friend: at 1,000 simulated people this is the largest single cost after cryptography.
 * Equal to sha256Block on the same 49 bytes (test/unit/core/hint-hash.test.ts).
 */
import { H0, K, rotr } from './sha256-block';

const KEY_BYTES = 32;
const NONCE_WORDS = 4;

const wordAt = (bytes: Uint8Array, at: number) =>
  ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) >>> 0;

/** A nonce as the four big-endian words a HintHash takes: converted once per envelope. */
export function nonceWords(nonce: Uint8Array): Uint32Array {
  if (nonce.length !== NONCE_WORDS * 4) throw new RangeError('a nonce is 16 bytes');
  const words = new Uint32Array(NONCE_WORDS);
  for (let i = 0; i < NONCE_WORDS; i++) words[i] = wordAt(nonce, 4 * i);
  return words;
}

export class HintHash {
  /** The message schedule: words 0–7 and 12–15 fixed here, 8–11 the nonce, 16–63 per check. */
  private readonly w = new Uint32Array(64);
  /** The working variables after rounds 0–7, which read only the key's words. */
  private readonly mid = new Int32Array(8);
  /** The first two words of the last digest (bytes 0–3 and 4–7). */
  high = 0;
  low = 0;

  constructor(key: Uint8Array, dir: 0 | 1) {
    if (key.length !== KEY_BYTES) throw new RangeError('a hint key is 32 bytes');
    const w = this.w;
    for (let i = 0; i < 8; i++) w[i] = wordAt(key, 4 * i);
    w[12] = ((dir << 24) | (0x80 << 16)) >>> 0; // byte 48 is dir, then the padding bit
    w[15] = (KEY_BYTES + NONCE_WORDS * 4 + 1) * 8; // message length in bits
    let a = H0[0]! | 0,
      b = H0[1]! | 0,
      c = H0[2]! | 0,
      d = H0[3]! | 0,
      e = H0[4]! | 0,
      f = H0[5]! | 0,
      g = H0[6]! | 0,
      h = H0[7]! | 0;
    for (let i = 0; i < 8; i++) {
      const t1 =
        (h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i]! + w[i]!) | 0;
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      h = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    this.mid.set([a, b, c, d, e, f, g, h]);
  }

  /** Hashes with this nonce; the result is in `high` and `low`. */
  run(nonce: Uint32Array): void {
    const w = this.w;
    w[8] = nonce[0]!;
    w[9] = nonce[1]!;
    w[10] = nonce[2]!;
    w[11] = nonce[3]!;
    for (let i = 16; i < 64; i++) {
      const w15 = w[i - 15]!;
      const w2 = w[i - 2]!;
      const s0 = rotr(w15, 7) ^ rotr(w15, 18) ^ (w15 >>> 3);
      const s1 = rotr(w2, 17) ^ rotr(w2, 19) ^ (w2 >>> 10);
      w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) | 0;
    }
    const mid = this.mid;
    let a = mid[0]!,
      b = mid[1]!,
      c = mid[2]!,
      d = mid[3]!,
      e = mid[4]!,
      f = mid[5]!,
      g = mid[6]!,
      h = mid[7]!;
    for (let i = 8; i < 64; i++) {
      const t1 =
        (h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i]! + w[i]!) | 0;
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      h = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    this.high = (a + H0[0]!) >>> 0;
    this.low = (b + H0[1]!) >>> 0;
  }
}
