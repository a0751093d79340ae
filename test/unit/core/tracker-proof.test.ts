import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateSigningKey } from '../../../src/core/crypto/ed25519';
import { checkClientFrame } from '../../../src/core/tracker/frames';
import { isPeerId, peerIdOf } from '../../../src/core/tracker/peer-id';
import {
  checkProofToken,
  decodeProofToken,
  makeProofToken,
  ProofError,
} from '../../../src/core/tracker/proof';

const challenge = new Uint8Array(24).fill(7);

describe('tracker peer ids and proofs', () => {
  it('a peer id is a hash of the tracker key, and only that key proves it', async () => {
    const key = generateSigningKey();
    const id = peerIdOf(key.publicKey);
    expect(isPeerId(id).ok).toBe(true);
    expect(peerIdOf(key.publicKey)).toBe(id);
    expect(peerIdOf(generateSigningKey().publicKey)).not.toBe(id);

    const token = await makeProofToken(key, 'tracker.example:9000', challenge);
    expect(await checkProofToken(token, 'tracker.example:9000', id)).toEqual(challenge);
    // Another host, another id, or a flipped byte: refused with a typed reason.
    await expect(checkProofToken(token, 'evil.example:9000', id)).rejects.toMatchObject({
      code: 'bad-signature',
    });
    const other = peerIdOf(generateSigningKey().publicKey);
    await expect(checkProofToken(token, 'tracker.example:9000', other)).rejects.toMatchObject({
      code: 'wrong-id',
    });
    const flipped = token.slice(0, -5) + (token.at(-5) === 'A' ? 'B' : 'A') + token.slice(-4);
    await expect(checkProofToken(flipped, 'tracker.example:9000', id)).rejects.toBeInstanceOf(
      ProofError,
    );
  });

  it('fuzz: any token text decodes or fails with ProofError, never anything else', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        try {
          decodeProofToken(text);
        } catch (error) {
          expect(error).toBeInstanceOf(ProofError);
        }
      }),
    );
  });

  it('fuzz: any JSON a client sends is classified or refused with a reason, never thrown', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = checkClientFrame(value);
        if (!result.ok) expect(typeof result.reason).toBe('string');
      }),
    );
    const id = peerIdOf(generateSigningKey().publicKey);
    expect(checkClientFrame({ type: 'OFFER', dst: id, payload: { sdp: 'x' } }).ok).toBe(true);
    expect(checkClientFrame({ type: 'OFFER', dst: 'alice', payload: {} }).ok).toBe(false);
  });
});
