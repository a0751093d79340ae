/**
 * Replies: who a reply goes to, and the message itself. Private goes to the post's author;
 * public goes to the post's audience, which only its author knows (the sealed envelope hides
 * recipients from each other), so for now only the author replies in public.
 */
import { fromHex, randomBytes } from '../core/bytes';
import { decodeMessage } from '../core/messages/codec';
import type { ReplyMessage } from '../core/messages/kinds';
import type { NodeStore } from '../core/state/store-port';

export interface ReplyRequest {
  post: string;
  parentReplyId?: string;
  visibility: 'public' | 'private';
  text: string;
}

export async function addressReply(
  store: NodeStore,
  me: string,
  request: ReplyRequest,
): Promise<{ message: ReplyMessage; recipients: string[] }> {
  const stored = await store.getMessage(request.post);
  const post = stored && decodeMessage(stored.message);
  if (!stored || post?.kind !== 'post') throw new RangeError('no such post');
  const mine = stored.authorFingerprint === me;
  let recipients: string[];
  if (request.visibility === 'private') {
    if (mine) throw new RangeError('a private reply goes to the author: that is you');
    recipients = [stored.authorFingerprint];
  } else {
    if (!mine) throw new RangeError('only the author can reply in public for now');
    const sent = await store.getOutbox(request.post);
    recipients = sent?.recipients.map((r) => r.fingerprintHex) ?? [];
  }
  const message: ReplyMessage = {
    kind: 'reply',
    id: randomBytes(16),
    createdAt: Date.now(),
    postAuthor: fromHex(stored.authorFingerprint),
    postId: post.id,
    parentReplyId: request.parentReplyId ? fromHex(request.parentReplyId) : null,
    visibility: request.visibility,
    text: request.text,
  };
  return { message, recipients };
}
