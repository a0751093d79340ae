import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256 } from '../../../src/core/crypto/hash';
import { sha256Block } from '../../../src/core/crypto/sha256-block';

describe('single-block SHA-256', () => {
  it('equals @noble/hashes for every input length 0..55', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 55 }), (input) => {
        expect(sha256Block(input, new Uint8Array(32))).toEqual(sha256(input));
      }),
      { numRuns: 3000 },
    );
  });

  it('matches the FIPS 180-2 "abc" vector and refuses longer inputs', () => {
    const abc = sha256Block(new TextEncoder().encode('abc'), new Uint8Array(32));
    expect(Buffer.from(abc).toString('hex')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(() => sha256Block(new Uint8Array(56), new Uint8Array(32))).toThrow(RangeError);
  });
});
