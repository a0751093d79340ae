/**
 * Tracker peer ids. Each install has a tracker key (Ed25519), used for nothing else and never
 * linked to the OpenPGP identity; its peer id is a hash of the public key, so only the holder
 * of the key can register that id (see proof.ts). Friends learn the id from the contact card.
 *
 *   peer id = "m" ‖ hex(SHA-256("murmur tracker id v1" ‖ publicKey)[0..16])
 */
import { concatBytes, toHex, utf8 } from '../bytes';
import { sha256 } from '../crypto/hash';

const LABEL = utf8('murmur tracker id v1');
export const PEER_ID_PATTERN = /^m[0-9a-f]{32}$/;

export function peerIdOf(trackerPublicKey: Uint8Array): string {
  return `m${toHex(sha256(concatBytes(LABEL, trackerPublicKey)).slice(0, 16))}`;
}

export const isPeerId = (text: string): boolean => PEER_ID_PATTERN.test(text);
