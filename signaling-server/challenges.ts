/**
 * Challenges for tracker proofs: fresh, single-use, and stateless until used.
 *   challenge = issuedAt[6, ms] ‖ random[6] ‖ HMAC-SHA256(secret, issuedAt ‖ random)[0..12]
 * A flood of GET /challenge costs the tracker no memory; only challenges actually answered
 * are remembered, until they would have expired anyway.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { CHALLENGE_BYTES } from '../src/core/tracker/proof';

export const CHALLENGE_LIFETIME_MS = 60_000;

export type ChallengeVerdict = 'ok' | 'forged' | 'expired' | 'reused';

export class Challenges {
  private readonly secret = randomBytes(32);
  private readonly used = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  issue(): Uint8Array {
    const out = new Uint8Array(CHALLENGE_BYTES);
    const t = this.now();
    for (let i = 0; i < 6; i++) out[i] = Math.floor(t / 2 ** (8 * (5 - i))) & 0xff;
    out.set(randomBytes(6), 6);
    out.set(this.mac(out.subarray(0, 12)), 12);
    return out;
  }

  /** Checks and consumes a challenge. */
  redeem(challenge: Uint8Array): ChallengeVerdict {
    if (challenge.length !== CHALLENGE_BYTES) return 'forged';
    if (!timingSafeEqual(this.mac(challenge.subarray(0, 12)), challenge.subarray(12)))
      return 'forged';
    let issuedAt = 0;
    for (const byte of challenge.subarray(0, 6)) issuedAt = issuedAt * 256 + byte;
    const t = this.now();
    if (issuedAt > t + 1000 || t - issuedAt > CHALLENGE_LIFETIME_MS) return 'expired';
    const key = Buffer.from(challenge).toString('base64');
    if (this.used.has(key)) return 'reused';
    this.prune(t);
    this.used.set(key, issuedAt + CHALLENGE_LIFETIME_MS);
    return 'ok';
  }

  private prune(t: number): void {
    // Insertion order is roughly expiry order: stop at the first one still live.
    for (const [key, expires] of this.used) {
      if (expires > t) break;
      this.used.delete(key);
    }
  }

  private mac(data: Uint8Array): Buffer {
    return createHmac('sha256', this.secret).update(data).digest().subarray(0, 12);
  }
}
