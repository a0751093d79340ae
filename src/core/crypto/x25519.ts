/**
 * X25519 for sealing: WebCrypto where the engine has it (native, ~10× faster than pure JS),
 * else @noble/curves. Keys are raw 32-byte little-endian u-coordinates (RFC 7748).
 */
import { x25519 as nobleX25519 } from '@noble/curves/ed25519.js';

let webCryptoWorks: boolean | null = null;

async function importPublic(publicKey: Uint8Array): Promise<CryptoKey> {
  return globalThis.crypto.subtle.importKey(
    'raw',
    publicKey as BufferSource,
    { name: 'X25519' },
    false,
    [],
  );
}

export interface EphemeralKey {
  publicKey: Uint8Array;
  /** Shared secret with a recipient's public key. */
  agree(recipientPublic: Uint8Array): Promise<Uint8Array>;
}

export async function generateEphemeral(): Promise<EphemeralKey> {
  if (webCryptoWorks !== false) {
    try {
      const pair = (await globalThis.crypto.subtle.generateKey({ name: 'X25519' }, true, [
        'deriveBits',
      ])) as CryptoKeyPair;
      const publicKey = new Uint8Array(
        await globalThis.crypto.subtle.exportKey('raw', pair.publicKey),
      );
      webCryptoWorks = true;
      return {
        publicKey,
        agree: async (recipientPublic) =>
          new Uint8Array(
            await globalThis.crypto.subtle.deriveBits(
              { name: 'X25519', public: await importPublic(recipientPublic) },
              pair.privateKey,
              256,
            ),
          ),
      };
    } catch {
      webCryptoWorks = false;
    }
  }
  const secret = nobleX25519.utils.randomSecretKey();
  return {
    publicKey: nobleX25519.getPublicKey(secret),
    agree: async (recipientPublic) => nobleX25519.getSharedSecret(secret, recipientPublic),
  };
}

/** Static-static agreement (used once per friend, so the pure-JS path is fine). */
export function agreeStatic(secret: Uint8Array, peerPublic: Uint8Array): Uint8Array {
  return nobleX25519.getSharedSecret(secret, peerPublic);
}
