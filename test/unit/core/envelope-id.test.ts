import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toHex } from '../../../src/core/bytes';
import { sha256 } from '../../../src/core/crypto/hash';
import { envelopeId, HOPS_LEFT_OFFSET } from '../../../src/core/envelope/format';

describe('an envelope id', () => {
  it('is SHA-256 of the envelope with hopsLeft read as 0, and leaves the envelope as it was', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const before = bytes.slice();
        const zeroed = bytes.slice();
        if (HOPS_LEFT_OFFSET < zeroed.length) zeroed[HOPS_LEFT_OFFSET] = 0;
        expect(envelopeId(bytes)).toBe(toHex(sha256(zeroed)));
        expect(bytes).toEqual(before);
      }),
      { numRuns: 2000 },
    );
  });

  it('does not change as the hops left go down on the way', () => {
    const bytes = new Uint8Array(200).map((_, i) => i);
    const handedOn = bytes.slice();
    handedOn[HOPS_LEFT_OFFSET] = 1;
    expect(envelopeId(handedOn)).toBe(envelopeId(bytes));
  });
});
