/**
 * Tracker peer ids. Each install has a tracker key (Ed25519), used for nothing else and never
 * linked to the OpenPGP identity; its peer id is a hash of the public key, so only the holder
 * of the key can register that id (see proof.ts). Friends learn the id from the contact card.
 *
 *   peer id = "m" ‖ hex(SHA-256("murmur tracker id v1" ‖ publicKey)[0..16])
 */
import { concatBytes, toHex, utf8 } from '../bytes';
import { sha256 } from '../crypto/hash';
import type { Guard } from '../guard';

const LABEL = utf8('murmur tracker id v1');
export const PEER_ID_PATTERN = /^m[0-9a-f]{32}$/;

/** A tracker peer id: made from a tracker key, or checked when read from a card or a peer. */
export type PeerId = string & { readonly brand: 'PeerId' };

export function peerIdOf(trackerPublicKey: Uint8Array): PeerId {
  return `m${toHex(sha256(concatBytes(LABEL, trackerPublicKey)).slice(0, 16))}` as PeerId;
}

export const isPeerId: Guard<PeerId> = (input, path = 'peer id') =>
  typeof input === 'string' && PEER_ID_PATTERN.test(input)
    ? { ok: true, value: input as PeerId }
    : { ok: false, reason: `${path}: not a peer id ("m" and 32 lowercase hex digits)` };
