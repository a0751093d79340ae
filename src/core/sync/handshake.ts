/**
 * Mutual authentication of two friends at the start of a sync session, from their pairwise
 * session key (only the two of them can compute it). No fingerprint crosses the wire:
 *
 *   initiator → HELLO   challenge_i, tag   = HMAC(k, "hello"   ‖ challenge_i ‖ dir_i)[0..16]
 *   responder → WELCOME challenge_r, proof = HMAC(k, "welcome" ‖ challenge_i ‖ challenge_r ‖ binding ‖ dir_r)[0..16]
 *   initiator → PROOF   proof = HMAC(k, "proof" ‖ challenge_r ‖ challenge_i ‖ binding ‖ dir_i)[0..16]
 *
 * The responder finds which friend is calling by recomputing the tag for each friend (one
 * HMAC per friend); a stranger's HELLO matches nobody and is refused before anything is said.
 * A replayed HELLO fails at PROOF, which covers the responder's fresh challenge.
 */
import { bytesEqual, concatBytes, utf8 } from '../bytes';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '../crypto/hash';
import type { Friend, Keyring } from '../keyring';

export const CHALLENGE_BYTES = 16;
const LABELS = { hello: utf8('hello'), welcome: utf8('welcome'), proof: utf8('proof') };

type Hmac = ReturnType<typeof hmac.create>;

/** Each session key's HMAC state, keyed once: every call recomputes a tag per friend. */
const keyed = new WeakMap<Uint8Array, Hmac>();

function mac(key: Uint8Array, ...parts: Uint8Array[]): Uint8Array {
  let base = keyed.get(key);
  if (!base) keyed.set(key, (base = hmac.create(sha256, key)));
  return base
    .clone()
    .update(concatBytes(...parts))
    .digest()
    .subarray(0, 16);
}
const dirByte = (dir: 0 | 1) => new Uint8Array([dir]);

/** The initiator's tag, for the friend it is calling. */
export const helloTag = (friend: Friend, challenge: Uint8Array) =>
  mac(friend.keys.sessionKey, LABELS.hello, challenge, dirByte(friend.dirFromMe));

/** The responder's lookup: the friend who sent this HELLO, or null for a stranger. */
export function friendForHello(
  keyring: Keyring,
  challenge: Uint8Array,
  tag: Uint8Array,
): Friend | null {
  for (const friend of keyring.list()) {
    if (
      bytesEqual(mac(friend.keys.sessionKey, LABELS.hello, challenge, dirByte(friend.dirToMe)), tag)
    )
      return friend;
  }
  return null;
}

/** Proof by the responder (dir: responder → initiator). */
export const welcomeProof = (
  friend: Friend,
  challengeI: Uint8Array,
  challengeR: Uint8Array,
  binding: Uint8Array,
  responderIsMe: boolean,
) =>
  mac(
    friend.keys.sessionKey,
    LABELS.welcome,
    challengeI,
    challengeR,
    binding,
    dirByte(responderIsMe ? friend.dirFromMe : friend.dirToMe),
  );

/** Proof by the initiator (dir: initiator → responder). */
export const initiatorProof = (
  friend: Friend,
  challengeI: Uint8Array,
  challengeR: Uint8Array,
  binding: Uint8Array,
  initiatorIsMe: boolean,
) =>
  mac(
    friend.keys.sessionKey,
    LABELS.proof,
    challengeR,
    challengeI,
    binding,
    dirByte(initiatorIsMe ? friend.dirFromMe : friend.dirToMe),
  );
