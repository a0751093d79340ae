/**
 * SHA-256 of a byte string with one byte replaced, without copying it: an envelope's id is the
 * hash of the envelope with hopsLeft set to 0, and every body that crosses a link is hashed to
 * check it is the one requested. Reads the input's words in place and allocates only the digest
 * (the general-purpose hasher made a DataView and a buffer per call: a tenth of the hashing time
 * at 1,000 simulated people). The same hash can resume after a prefix compressed once (HMAC's
 * padded keys, see hmac-sha256.ts). Equal to @noble/hashes on the patched copy
 * (test/unit/core/sha256-patched.test.ts).
 */
import { expandSchedule, H0, rounds } from './sha256-block';

const W = new Uint32Array(64);
const STATE = new Int32Array(8);
const WORK = new Int32Array(8);
const TAIL = new Uint8Array(128);

function compress(): void {
  expandSchedule(W);
  WORK.set(STATE);
  rounds(WORK, W, 0, 64);
  for (let i = 0; i < 8; i++) STATE[i] = ((STATE[i] ?? 0) + (WORK[i] ?? 0)) | 0;
}

function loadWords(bytes: Uint8Array, base: number): void {
  for (let i = 0; i < 16; i++) {
    const p = base + 4 * i;
    W[i] =
      ((bytes[p] ?? 0) << 24) |
      ((bytes[p + 1] ?? 0) << 16) |
      ((bytes[p + 2] ?? 0) << 8) |
      (bytes[p + 3] ?? 0);
  }
}

/** SHA-256 of `bytes` as if the byte at `at` were `value` (no change if `at` is past the end). */
export function sha256Patched(bytes: Uint8Array, at: number, value: number): Uint8Array {
  return sha256Resumed(H0, 0, bytes, at, value);
}

/** The state after compressing one 64-byte block from the start: a prefix hashed once. */
export function midstate(block: Uint8Array): Int32Array {
  if (block.length !== 64) throw new RangeError('a midstate is taken after one 64-byte block');
  loadWords(block, 0);
  STATE.set(H0);
  compress();
  return STATE.slice();
}

/**
 * SHA-256 of a prefix of `prefixBytes` (a multiple of 64) already compressed into `from`,
 * followed by `bytes`, the byte at `at` of `bytes` read as `value` (`at` < 0: none).
 */
export function sha256Resumed(
  from: Int32Array | Uint32Array,
  prefixBytes: number,
  bytes: Uint8Array,
  at = -1,
  value = 0,
): Uint8Array {
  const n = bytes.length;
  const patchWord = at >> 2;
  const shift = 24 - 8 * (at & 3);
  const patched = (block: number) => {
    const i = patchWord - 16 * block;
    if (at >= 0 && at < n && i >= 0 && i < 16)
      W[i] = (((W[i] ?? 0) & ~(0xff << shift)) | ((value & 0xff) << shift)) >>> 0;
  };
  STATE.set(from);
  const fullBlocks = n >>> 6;
  for (let block = 0; block < fullBlocks; block++) {
    loadWords(bytes, block * 64);
    patched(block);
    compress();
  }
  // The rest, the 0x80 bit and the length in bits: one block, or two if the length does not fit.
  const rest = n - fullBlocks * 64;
  TAIL.fill(0);
  TAIL.set(bytes.subarray(fullBlocks * 64));
  TAIL[rest] = 0x80;
  const tailBlocks = rest < 56 ? 1 : 2;
  const end = tailBlocks * 64;
  const total = prefixBytes + n;
  const bitsHigh = Math.floor(total / 0x2000_0000);
  const bitsLow = (total * 8) >>> 0;
  for (let i = 0; i < 4; i++) {
    TAIL[end - 8 + i] = (bitsHigh >>> (24 - 8 * i)) & 0xff;
    TAIL[end - 4 + i] = (bitsLow >>> (24 - 8 * i)) & 0xff;
  }
  for (let t = 0; t < tailBlocks; t++) {
    loadWords(TAIL, t * 64);
    patched(fullBlocks + t);
    compress();
  }
  const out = new Uint8Array(32);
  for (let i = 0; i < 8; i++) {
    const v = (STATE[i] ?? 0) >>> 0;
    out[4 * i] = v >>> 24;
    out[4 * i + 1] = (v >>> 16) & 0xff;
    out[4 * i + 2] = (v >>> 8) & 0xff;
    out[4 * i + 3] = v & 0xff;
  }
  return out;
}
