/** Hashes and key derivation used by the protocol (all synchronous, pure JS). */
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8 } from '../bytes';

export { sha256 };

export function deriveKey(secret: Uint8Array, info: string, length = 32): Uint8Array {
  return hkdf(sha256, secret, utf8('murmur/v1'), utf8(info), length);
}
