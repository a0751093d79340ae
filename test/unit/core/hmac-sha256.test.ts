import { hmac } from '@noble/hashes/hmac.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256 } from '../../../src/core/crypto/hash';
import { HmacSha256 } from '../../../src/core/crypto/hmac-sha256';
import { sha256Resumed, midstate } from '../../../src/core/crypto/sha256-patched';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('HMAC-SHA-256 under a fixed key', () => {
  it('equals @noble/hashes for keys and messages of every length, again and again', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 100 }),
        fc.array(fc.uint8Array({ maxLength: 200 }), { minLength: 1, maxLength: 3 }),
        (key, messages) => {
          const mac = new HmacSha256(key);
          for (const m of messages) expect(mac.mac(m)).toEqual(hmac(sha256, key, m));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('matches RFC 4231 test case 2', () => {
    const mac = new HmacSha256(new TextEncoder().encode('Jefe'));
    expect(hex(mac.mac(new TextEncoder().encode('what do ya want for nothing?')))).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });

  it('resuming after a one-block prefix equals hashing the whole', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 64, maxLength: 64 }),
        fc.uint8Array({ maxLength: 200 }),
        (prefix, rest) => {
          const whole = new Uint8Array([...prefix, ...rest]);
          expect(sha256Resumed(midstate(prefix), 64, rest)).toEqual(sha256(whole));
        },
      ),
      { numRuns: 500 },
    );
  });
});
