/**
 * Proof of a tracker key, sent as the PeerJS `token` when registering an id:
 *
 *   token     = base64url(publicKey[32] ‖ challenge[24] ‖ signature[64])
 *   signed    = "murmur tracker proof v1" ‖ 0 ‖ host ‖ 0 ‖ peerId ‖ 0 ‖ challenge
 *
 * The challenge is fresh from the tracker (GET <path>/challenge) and used once; `host` is the
 * tracker's host:port as the client dialled it, so a tracker cannot pass a proof it was given
 * on to another tracker (friends use several, see the federation notes in PROTOCOL.md).
 */
import { concatBytes, fromBase64Url, toBase64Url, utf8 } from '../bytes';
import { CodedError } from '../coded-error';
import { sign, verify, type SigningKey } from '../crypto/ed25519';
import { peerIdOf } from './peer-id';

export const CHALLENGE_BYTES = 24;
const TOKEN_BYTES = 32 + CHALLENGE_BYTES + 64;
const LABEL = 'murmur tracker proof v1';

export type ProofErrorCode = 'malformed' | 'wrong-id' | 'bad-signature';

export class ProofError extends CodedError<ProofErrorCode> {
  override readonly name = 'ProofError';
}

export interface Proof {
  publicKey: Uint8Array;
  challenge: Uint8Array;
  signature: Uint8Array;
}

const signedBytes = (host: string, peerId: string, challenge: Uint8Array) =>
  concatBytes(utf8(`${LABEL}\0${host}\0${peerId}\0`), challenge);

export async function makeProofToken(
  key: SigningKey,
  host: string,
  challenge: Uint8Array,
): Promise<string> {
  if (challenge.length !== CHALLENGE_BYTES) throw new RangeError('challenge must be 24 bytes');
  const signature = await sign(key, signedBytes(host, peerIdOf(key.publicKey), challenge));
  return toBase64Url(concatBytes(key.publicKey, challenge, signature));
}

export function decodeProofToken(token: string): Proof {
  const bytes = token.length <= 200 ? fromBase64Url(token) : null;
  if (!bytes || bytes.length !== TOKEN_BYTES)
    throw new ProofError('malformed', 'a tracker proof is 120 bytes of base64url');
  return {
    publicKey: bytes.slice(0, 32),
    challenge: bytes.slice(32, 32 + CHALLENGE_BYTES),
    signature: bytes.slice(32 + CHALLENGE_BYTES),
  };
}

/**
 * Checks that the token proves the key behind `peerId`, for this tracker's host. Returns the
 * challenge it answers (the caller checks it is fresh and unused); throws ProofError.
 */
export async function checkProofToken(
  token: string,
  host: string,
  peerId: string,
): Promise<Uint8Array> {
  const proof = decodeProofToken(token);
  if (peerIdOf(proof.publicKey) !== peerId)
    throw new ProofError('wrong-id', 'the key does not belong to this peer id');
  if (!(await verify(proof.publicKey, signedBytes(host, peerId, proof.challenge), proof.signature)))
    throw new ProofError('bad-signature', 'the proof is not signed by that key');
  return proof.challenge;
}
