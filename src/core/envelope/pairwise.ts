/**
 * Pairwise secrets between two friends, from a static X25519 agreement of their OpenPGP
 * encryption subkeys (so they are bound to the fingerprints friends compare). Nobody else can
 * compute them: relays, the tracker and other friends see only per-message values derived
 * from them, which are unlinkable across messages.
 *
 * For a message from S to R with nonce N (16 random bytes, in the header):
 *   hint  = SHA-256(hintKey ‖ N ‖ dir)[0..8]        "is this slot mine?"
 *   token = SHA-256(receiptKey ‖ N ‖ dir)[0..16]    revealed by R in a delivery receipt
 *   commitment = SHA-256("murmur receipt v1" ‖ token)[0..8]   in the header, for relays
 * where dir = 0 if fingerprint(S) < fingerprint(R) else 1, so a message from R to S differs.
 * hintKey ‖ N ‖ dir is 49 bytes: one SHA-256 block, about a microsecond.
 */
import { compareBytes, concatBytes, toHex, utf8 } from '../bytes';
import { deriveKey } from '../crypto/hash';
import { sha256Block } from '../crypto/sha256-block';
import { agreeStatic, agreeStaticAsync } from '../crypto/x25519';

export const NONCE_BYTES = 16;
export const HINT_BYTES = 8;
export const COMMITMENT_BYTES = 16;
export const TOKEN_BYTES = 16;

export interface PairwiseKeys {
  hintKey: Uint8Array;
  receiptKey: Uint8Array;
  /** Authenticates sync sessions between the two (core/sync/handshake.ts). */
  sessionKey: Uint8Array;
}

export function pairwiseKeys(
  mySecret: Uint8Array,
  myFingerprint: Uint8Array,
  theirPublic: Uint8Array,
  theirFingerprint: Uint8Array,
): PairwiseKeys {
  return keysFromShared(agreeStatic(mySecret, theirPublic), myFingerprint, theirFingerprint);
}

/** The same keys, with the X25519 agreement done by WebCrypto where it can be. */
export async function pairwiseKeysAsync(
  mySecret: Uint8Array,
  myFingerprint: Uint8Array,
  theirPublic: Uint8Array,
  theirFingerprint: Uint8Array,
): Promise<PairwiseKeys> {
  return keysFromShared(
    await agreeStaticAsync(mySecret, theirPublic),
    myFingerprint,
    theirFingerprint,
  );
}

function keysFromShared(
  shared: Uint8Array,
  myFingerprint: Uint8Array,
  theirFingerprint: Uint8Array,
): PairwiseKeys {
  const [low, high] =
    compareBytes(myFingerprint, theirFingerprint) < 0
      ? [myFingerprint, theirFingerprint]
      : [theirFingerprint, myFingerprint];
  const context = toHex(low) + toHex(high);
  return {
    hintKey: deriveKey(shared, `hint ${context}`),
    receiptKey: deriveKey(shared, `receipt ${context}`),
    sessionKey: deriveKey(shared, `session ${context}`),
  };
}

export function direction(senderFingerprint: Uint8Array, recipientFingerprint: Uint8Array): 0 | 1 {
  return compareBytes(senderFingerprint, recipientFingerprint) < 0 ? 0 : 1;
}

function prf(key: Uint8Array, nonce: Uint8Array, dir: 0 | 1): Uint8Array {
  const block = new Uint8Array(49);
  block.set(key, 0);
  block.set(nonce, 32);
  block[48] = dir;
  return sha256Block(block, new Uint8Array(32));
}

export const hintFor = (keys: PairwiseKeys, nonce: Uint8Array, dir: 0 | 1) =>
  prf(keys.hintKey, nonce, dir).slice(0, HINT_BYTES);

export const receiptTokenFor = (keys: PairwiseKeys, nonce: Uint8Array, dir: 0 | 1) =>
  prf(keys.receiptKey, nonce, dir).slice(0, TOKEN_BYTES);

const RECEIPT_LABEL = utf8('murmur receipt v1');

/** Relays check every receipt that passes: one padded block (17 + 16 bytes), no hasher set-up. */
export const commitmentFor = (token: Uint8Array) =>
  sha256Block(concatBytes(RECEIPT_LABEL, token), new Uint8Array(32)).slice(0, COMMITMENT_BYTES);
