/**
 * Proof that a stranger's call comes from someone the user invited. An invite link carries a
 * fresh secret in its card (`inviteSecret`); whoever adds that card shows, when they dial the
 * card's owner, a token only a holder of the secret can make, bound to both peer ids (so the
 * tracker that carries it cannot reuse it for another caller or callee):
 *
 *   token = base64url(HMAC-SHA256(secret, "murmur invite v1" ‖ caller peer id ‖ callee peer id)[0..16])
 *
 * The callee admits such a call in a lane of its own, beside the strangers' allowance that
 * anyone holding an old card can spend (PROTOCOL.md §2, §10).
 */
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes, toBase64Url, utf8 } from '../bytes';
import type { PeerId } from '../tracker/peer-id';

const LABEL = utf8('murmur invite v1');
export const INVITE_TOKEN_PATTERN = /^[A-Za-z0-9_-]{22}$/;

export function inviteToken(secret: Uint8Array, caller: PeerId, callee: PeerId): string {
  const mac = hmac(sha256, secret, concatBytes(LABEL, utf8(caller), utf8(callee)));
  return toBase64Url(mac.slice(0, 16));
}
