/**
 * Pairing a Murmur home with its owner (PROTOCOL.md §15). The home's pairing link is its card
 * with a fresh, single-use, expiring secret in `inviteSecret`; the owner's browser dials the
 * home with the card's invite token (so the call comes in the invited lane) and sends a
 * friend request carrying a proof that it holds the secret, bound to both fingerprints:
 *
 *   proof = HMAC-SHA256(secret, "murmur home pairing v1" ‖ owner fingerprint ‖ home fingerprint)
 *
 * (fingerprints as their 20 bytes). The request is signed by the owner's key, so the proof
 * cannot be moved to another requester, and the home accepts it only while the secret is
 * outstanding: once, before it expires, and only while it has no owner.
 */
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesEqual, concatBytes, fromHex, utf8 } from '../bytes';
import type { Fingerprint } from './fingerprint';
import { contactCardFromText, contactCardToText, type ContactCard } from './contact-card';

const LABEL = utf8('murmur home pairing v1');
export const PAIRING_PROOF_BYTES = 32;
export const PAIRING_SECRET_BYTES = 16;
/** How long a pairing link may be used (the home makes a new one when it runs out). */
export const PAIRING_LIFETIME_MS = 60 * 60_000;

/**
 * A pairing link is the home's card (with the secret in `inviteSecret`) behind its own
 * prefix: never mistaken for an invite link, which carries an invite secret too.
 */
export const PAIRING_LINK_PREFIX = 'murmur-pair:';

export function pairingLinkOf(card: ContactCard): string {
  return PAIRING_LINK_PREFIX + contactCardToText(card);
}

/** The home's card from a pairing link; null when the text is not one (a card, an invite). */
export function cardOfPairingLink(text: string): ContactCard | null {
  const trimmed = text.trim();
  if (!trimmed.startsWith(PAIRING_LINK_PREFIX)) return null;
  const card = contactCardFromText(trimmed.slice(PAIRING_LINK_PREFIX.length));
  return card.inviteSecret ? card : null;
}

export function pairingProof(
  secret: Uint8Array,
  owner: Fingerprint,
  home: Fingerprint,
): Uint8Array {
  return hmac(sha256, secret, concatBytes(LABEL, fromHex(owner), fromHex(home)));
}

/** Whether `proof` was made with `secret` for this owner and this home. */
export function provesPairing(
  proof: Uint8Array,
  secret: Uint8Array,
  owner: Fingerprint,
  home: Fingerprint,
): boolean {
  return bytesEqual(proof, pairingProof(secret, owner, home));
}
