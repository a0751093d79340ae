/** Hashes and key derivation used by the protocol (all synchronous, pure JS). */
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8 } from '../bytes';

export { sha256 };

/** An incremental SHA-256, for input hashed in pieces without copying it together. */
export const sha256Hasher = () => sha256.create();

export function deriveKey(secret: Uint8Array, info: string, length = 32): Uint8Array {
  return hkdf(sha256, secret, utf8('murmur/v1'), utf8(info), length);
}
