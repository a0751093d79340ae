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
      const pair = await globalThis.crypto.subtle.generateKey({ name: 'X25519' }, true, [
        'deriveBits',
      ]);
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

/** Static-static agreement, synchronous (pure JS, about half a millisecond). */
export function agreeStatic(secret: Uint8Array, peerPublic: Uint8Array): Uint8Array {
  return nobleX25519.getSharedSecret(secret, peerPublic);
}

/** RFC 8410 PKCS#8 wrapping of a raw X25519 private key. */
const PKCS8_X25519_PREFIX = new Uint8Array([
  0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x6e, 0x04, 0x22, 0x04, 0x20,
]);
const importedSecrets = new WeakMap<Uint8Array, Promise<CryptoKey>>();

/**
 * Static-static agreement through WebCrypto where available (native: many friends at once,
 * e.g. restoring a large friend list), else the synchronous path.
 */
export async function agreeStaticAsync(
  secret: Uint8Array,
  peerPublic: Uint8Array,
): Promise<Uint8Array> {
  if (webCryptoWorks !== false) {
    try {
      let key = importedSecrets.get(secret);
      if (!key) {
        const pkcs8 = new Uint8Array(48);
        pkcs8.set(PKCS8_X25519_PREFIX);
        pkcs8.set(secret, 16);
        key = globalThis.crypto.subtle.importKey('pkcs8', pkcs8, { name: 'X25519' }, false, [
          'deriveBits',
        ]);
        importedSecrets.set(secret, key);
      }
      const bits = await globalThis.crypto.subtle.deriveBits(
        { name: 'X25519', public: await importPublic(peerPublic) },
        await key,
        256,
      );
      webCryptoWorks = true;
      return new Uint8Array(bits);
    } catch {
      webCryptoWorks = false;
    }
  }
  return agreeStatic(secret, peerPublic);
}
