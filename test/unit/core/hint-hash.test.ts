import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HintHash, nonceWords } from '../../../src/core/crypto/hint-hash';
import { sha256Block } from '../../../src/core/crypto/sha256-block';

const wordsOf = (digest: Uint8Array) => {
  const view = new DataView(digest.buffer, digest.byteOffset);
  return [view.getUint32(0), view.getUint32(4)];
};

describe('hint hash (fixed key, many nonces)', () => {
  it('gives the first two words of SHA-256(key ‖ nonce ‖ dir), nonce after nonce', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.constantFrom<0 | 1>(0, 1),
        fc.array(fc.uint8Array({ minLength: 16, maxLength: 16 }), { minLength: 1, maxLength: 4 }),
        (key, dir, nonces) => {
          const hash = new HintHash(key, dir);
          for (const nonce of nonces) {
            hash.run(nonceWords(nonce));
            const block = new Uint8Array([...key, ...nonce, dir]);
            expect([hash.high, hash.low]).toEqual(wordsOf(sha256Block(block, new Uint8Array(32))));
          }
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('refuses keys and nonces of the wrong length', () => {
    expect(() => new HintHash(new Uint8Array(31), 0)).toThrow(RangeError);
    expect(() => nonceWords(new Uint8Array(15))).toThrow(RangeError);
  });
});
