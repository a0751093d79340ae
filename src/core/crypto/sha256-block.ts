/**
 * SHA-256 of inputs of at most 55 bytes (one padded block), without allocation: the recipient
 * check and the session handshake hash a 49-byte block per friend for every envelope and every
 * offer, and a general-purpose hasher's setup dominated that cost. Verified against
 * @noble/hashes on random inputs (test/unit/core/sha256-block.test.ts).
 */
const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);
export const H0 = new Uint32Array([
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
]);
const W = new Uint32Array(64);
const BLOCK = new Uint8Array(64);
const STATE = new Int32Array(8);

const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));

/** Fills words 16–63 of a message schedule from words 0–15. */
export function expandSchedule(w: Uint32Array): void {
  for (let i = 16; i < 64; i++) {
    const w15 = w[i - 15] ?? 0;
    const w2 = w[i - 2] ?? 0;
    const s0 = rotr(w15, 7) ^ rotr(w15, 18) ^ (w15 >>> 3);
    const s1 = rotr(w2, 17) ^ rotr(w2, 19) ^ (w2 >>> 10);
    w[i] = ((w[i - 16] ?? 0) + s0 + (w[i - 7] ?? 0) + s1) | 0;
  }
}

/** Runs rounds `from` to `to` − 1 of the compression on the working variables a–h in `state`. */
export function rounds(state: Int32Array, w: Uint32Array, from: number, to: number): void {
  let a = state[0] ?? 0,
    b = state[1] ?? 0,
    c = state[2] ?? 0,
    d = state[3] ?? 0,
    e = state[4] ?? 0,
    f = state[5] ?? 0,
    g = state[6] ?? 0,
    h = state[7] ?? 0;
  for (let i = from; i < to; i++) {
    const t1 =
      (h +
        (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) +
        ((e & f) ^ (~e & g)) +
        (K[i] ?? 0) +
        (w[i] ?? 0)) |
      0;
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
  state[0] = a;
  state[1] = b;
  state[2] = c;
  state[3] = d;
  state[4] = e;
  state[5] = f;
  state[6] = g;
  state[7] = h;
}

/** SHA-256 of `input` (≤ 55 bytes), written into `out` (≥ 32 bytes). */
export function sha256Block(input: Uint8Array, out: Uint8Array): Uint8Array {
  if (input.length > 55) throw new RangeError('sha256Block takes at most 55 bytes');
  BLOCK.fill(0);
  BLOCK.set(input);
  BLOCK[input.length] = 0x80;
  const bits = input.length * 8;
  BLOCK[62] = bits >>> 8;
  BLOCK[63] = bits & 0xff;
  for (let i = 0; i < 16; i++)
    W[i] =
      ((BLOCK[4 * i] ?? 0) << 24) |
      ((BLOCK[4 * i + 1] ?? 0) << 16) |
      ((BLOCK[4 * i + 2] ?? 0) << 8) |
      (BLOCK[4 * i + 3] ?? 0);
  expandSchedule(W);
  STATE.set(H0);
  rounds(STATE, W, 0, 64);
  for (let i = 0; i < 8; i++) {
    const v = ((STATE[i] ?? 0) + (H0[i] ?? 0)) >>> 0;
    out[4 * i] = v >>> 24;
    out[4 * i + 1] = (v >>> 16) & 0xff;
    out[4 * i + 2] = (v >>> 8) & 0xff;
    out[4 * i + 3] = v & 0xff;
  }
  return out;
}
