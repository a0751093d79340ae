/**
 * TURN credentials by the TURN REST scheme that coturn's `use-auth-secret` checks
 * (draft-uberti-behave-turn-rest): the tracker and coturn share a secret; a credential is
 *   username = "<unix expiry seconds>:<peer id>"
 *   password = base64(HMAC-SHA1(secret, username))
 * coturn refuses a username whose expiry has passed, so nothing needs revoking. Pure: the
 * tracker issues them, the doctor forges and checks them, the tests recompute the vector.
 */
import { hmac } from '@noble/hashes/hmac.js';
import { sha1 } from '@noble/hashes/legacy.js';
import { toBase64 } from '../bytes';

export interface TurnCredential {
  username: string;
  credential: string;
}

const utf8 = new TextEncoder();

export function turnCredential(
  secret: string,
  peerId: string,
  expiresAtSeconds: number,
): TurnCredential {
  const username = `${Math.floor(expiresAtSeconds)}:${peerId}`;
  const credential = toBase64(hmac(sha1, utf8.encode(secret), utf8.encode(username)));
  return { username, credential };
}

/** A TURN URL (turn: or turns:), as opposed to stun:. */
export const isTurnUrl = (url: string): boolean =>
  url.startsWith('turn:') || url.startsWith('turns:');
