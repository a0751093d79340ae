/**
 * Ed25519 signatures for tracker proofs: WebCrypto where the engine has it (the tracker checks
 * thousands of proofs at start-up, natively in about 0.1 ms each), else @noble/curves.
 * Keys are raw: a 32-byte seed and a 32-byte public key (RFC 8032).
 */
import { ed25519 } from '@noble/curves/ed25519.js';

/** RFC 8410 PKCS#8 wrapping of a raw Ed25519 seed. */
const PKCS8_ED25519_PREFIX = new Uint8Array([
  0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
]);

let webCryptoWorks: boolean | null = null;

export interface SigningKey {
  seed: Uint8Array;
  publicKey: Uint8Array;
}

export function generateSigningKey(): SigningKey {
  const seed = ed25519.utils.randomSecretKey();
  return { seed, publicKey: ed25519.getPublicKey(seed) };
}

export function signingKeyFromSeed(seed: Uint8Array): SigningKey {
  if (seed.length !== 32) throw new RangeError('an Ed25519 seed is 32 bytes');
  return { seed, publicKey: ed25519.getPublicKey(seed) };
}

export async function sign(key: SigningKey, message: Uint8Array): Promise<Uint8Array> {
  if (webCryptoWorks !== false) {
    try {
      const pkcs8 = new Uint8Array(48);
      pkcs8.set(PKCS8_ED25519_PREFIX);
      pkcs8.set(key.seed, 16);
      const privateKey = await globalThis.crypto.subtle.importKey(
        'pkcs8',
        pkcs8,
        { name: 'Ed25519' },
        false,
        ['sign'],
      );
      const signature = await globalThis.crypto.subtle.sign(
        { name: 'Ed25519' },
        privateKey,
        message as BufferSource,
      );
      webCryptoWorks = true;
      return new Uint8Array(signature);
    } catch {
      webCryptoWorks = false;
    }
  }
  return ed25519.sign(message, key.seed);
}

/** False for a wrong signature or a key that is not a valid point; never throws. */
export async function verify(
  publicKey: Uint8Array,
  message: Uint8Array,
  signature: Uint8Array,
): Promise<boolean> {
  if (publicKey.length !== 32 || signature.length !== 64) return false;
  if (webCryptoWorks !== false) {
    try {
      const key = await globalThis.crypto.subtle.importKey(
        'raw',
        publicKey as BufferSource,
        { name: 'Ed25519' },
        false,
        ['verify'],
      );
      const ok = await globalThis.crypto.subtle.verify(
        { name: 'Ed25519' },
        key,
        signature as BufferSource,
        message as BufferSource,
      );
      webCryptoWorks = true;
      return ok;
    } catch (error) {
      // A malformed public key is an import error, not a missing algorithm.
      if (webCryptoWorks === true) return false;
      webCryptoWorks = false;
      void error;
    }
  }
  try {
    return ed25519.verify(signature, message, publicKey);
  } catch {
    return false;
  }
}
