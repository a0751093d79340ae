/**
 * The hint check's hash, SHA-256(key ‖ nonce ‖ dir) with a 32-byte key, a 16-byte nonce and one
 * direction byte, computed for one friend's fixed key and direction and many nonces. Half of the
 * padded block (the key's eight words, the direction byte and the length) never changes, so the
 * first eight rounds are done once per friend, and a check does the other 56 and returns only
 * the two words a hint is made of. A node checks every envelope offered with no hops left against
 * every friend: at 1,000 simulated people this is the largest single cost after cryptography.
 * Equal to sha256Block on the same 49 bytes (test/unit/core/hint-hash.test.ts).
 */
import { u32At } from '../bytes';
import { expandSchedule, H0, rounds } from './sha256-block';

const KEY_BYTES = 32;
const NONCE_WORDS = 4;

/** A nonce as the four big-endian words a HintHash takes: converted once per envelope. */
export function nonceWords(nonce: Uint8Array): Uint32Array {
  if (nonce.length !== NONCE_WORDS * 4) throw new RangeError('a nonce is 16 bytes');
  const words = new Uint32Array(NONCE_WORDS);
  for (let i = 0; i < NONCE_WORDS; i++) words[i] = u32At(nonce, 4 * i);
  return words;
}

export class HintHash {
  /** The message schedule: words 0–7 and 12–15 fixed here, 8–11 the nonce, 16–63 per check. */
  private readonly w = new Uint32Array(64);
  /** The working variables after rounds 0–7, which read only the key's words. */
  private readonly mid = new Int32Array(8);
  private readonly state = new Int32Array(8);
  /** The first two words of the last digest (bytes 0–3 and 4–7). */
  high = 0;
  low = 0;

  constructor(key: Uint8Array, dir: 0 | 1) {
    if (key.length !== KEY_BYTES) throw new RangeError('a hint key is 32 bytes');
    const w = this.w;
    for (let i = 0; i < 8; i++) w[i] = u32At(key, 4 * i);
    w[12] = ((dir << 24) | (0x80 << 16)) >>> 0; // byte 48 is dir, then the padding bit
    w[15] = (KEY_BYTES + NONCE_WORDS * 4 + 1) * 8; // message length in bits
    this.mid.set(H0);
    rounds(this.mid, w, 0, 8);
  }

  /** Hashes with this nonce; the result is in `high` and `low`. */
  run(nonce: Uint32Array): void {
    const w = this.w;
    w[8] = nonce[0] ?? 0;
    w[9] = nonce[1] ?? 0;
    w[10] = nonce[2] ?? 0;
    w[11] = nonce[3] ?? 0;
    expandSchedule(w);
    const state = this.state;
    state.set(this.mid);
    rounds(state, w, 8, 64);
    this.high = ((state[0] ?? 0) + (H0[0] ?? 0)) >>> 0;
    this.low = ((state[1] ?? 0) + (H0[1] ?? 0)) >>> 0;
  }
}
