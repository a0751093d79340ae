import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256 } from '../../../src/core/crypto/hash';
import { sha256Patched } from '../../../src/core/crypto/sha256-patched';

describe('SHA-256 with one byte replaced', () => {
  it('equals @noble/hashes on the patched copy, at every length and position', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 300 }),
        fc.nat(310),
        fc.integer({ min: 0, max: 255 }),
        (bytes, at, value) => {
          const copy = bytes.slice();
          if (at < copy.length) copy[at] = value;
          expect(sha256Patched(bytes, at, value)).toEqual(sha256(copy));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('leaves its input as it was, and matches the FIPS 180-2 two-block vector', () => {
    const input = new TextEncoder().encode(
      'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
    );
    const before = input.slice();
    expect(Buffer.from(sha256Patched(input, 1000, 0)).toString('hex')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
    sha256Patched(input, 3, 0);
    expect(input).toEqual(before);
  });
});
