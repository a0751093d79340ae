/**
 * Shared replies (message kind 12). Only a post's author knows its audience, so a friend's
 * public reply goes to the author, who passes it on to the audience with the replier's own
 * signature. A reader accepts it only if it is what it claims: the enclosed key made the
 * signature over the enclosed content, the content names that key as its sender, and it is a
 * public reply to a post by the friend who passed it on. So the author can pass a reply on or
 * not, but cannot alter one or put words in anyone's mouth.
 */
import { bytesEqual } from '../bytes';
import { DecodeError } from '../codec/decode-error';
import { verifyStoredSignature } from '../identity/detached-signature';
import { fingerprintBytes } from '../identity/key-material';
import { readStoredFriendKey } from '../identity/friend-key';
import { decodeMessage } from '../messages/codec';
import type { ReplyMessage, SharedReplyMessage } from '../messages/kinds';
import { decodeInner } from './inner';
import { OpenError } from './open-error';
import { fingerprintFromBytes, type Fingerprint } from '../identity/fingerprint';

export interface UnwrappedReply {
  /** Who wrote the reply (hex fingerprint). */
  authorFingerprintHex: Fingerprint;
  reply: ReplyMessage;
  /** The reply as its author encoded it (inside the signed content). */
  encodedReply: Uint8Array;
}

/** The reply inside; DecodeError if the content is not a public reply. No signature check. */
export function unwrapSharedReply(shared: SharedReplyMessage): UnwrappedReply {
  const inner = decodeInner(shared.signedData);
  const reply = decodeMessage(inner.message);
  if (reply.kind !== 'reply' || reply.visibility !== 'public')
    throw new DecodeError('malformed', 'a shared reply must hold a public reply');
  return {
    authorFingerprintHex: fingerprintFromBytes(inner.senderFingerprint),
    reply,
    encodedReply: inner.message,
  };
}

/** Checks a shared reply passed on by `sharer` (fingerprint); throws OpenError. */
export async function checkSharedReply(
  shared: SharedReplyMessage,
  sharer: Uint8Array,
): Promise<UnwrappedReply> {
  const unwrapped = unwrapSharedReply(shared);
  if (!bytesEqual(unwrapped.reply.postAuthor, sharer))
    throw new OpenError('bad-signature', 'a shared reply to a post by someone else');
  // A reply written before its author's key expired still verifies, as it did then.
  const read = await readStoredFriendKey(shared.authorKey);
  if (read.state === 'unusable') throw new OpenError('malformed', read.reason);
  const key = read.key;
  if (fingerprintFromBytes(fingerprintBytes(key)) !== unwrapped.authorFingerprintHex)
    throw new OpenError('bad-signature', 'the enclosed key is not the reply’s author’s');
  if (!(await verifyStoredSignature(shared.signedData, shared.signature, key)))
    throw new OpenError('bad-signature', 'the reply’s signature does not verify');
  return unwrapped;
}
