/**
 * Replies: who a reply goes to, and the message itself. Private goes to the post's author.
 * Public goes to the post's audience, which only its author knows (the sealed envelope hides
 * recipients from each other): the author sends theirs to it directly; anyone else's goes to
 * the author, whose Murmur passes it on, signed by its writer, as a shared reply (PROTOCOL §6).
 */
import { fromHex, toHex } from '../core/bytes';
import type { Opened } from '../core/envelope/open';
import { decodeMessage } from '../core/messages/codec';
import type { ReplyMessage, SharedReplyMessage } from '../core/messages/kinds';
import type { MurmurNode } from '../core/node/node';
import type { NodeStore } from '../core/state/store-port';
import { Refusal } from '../core/refusal';
import type { Fingerprint } from '../core/identity/fingerprint';
import type { EnvelopeId } from '../core/envelope/envelope-id';
import { newMessageId, type MessageId } from '../core/messages/message-id';

export interface ReplyRequest {
  post: EnvelopeId;
  parentReplyId?: MessageId;
  visibility: 'public' | 'private';
  text: string;
}

export async function addressReply(
  store: NodeStore,
  me: Fingerprint,
  request: ReplyRequest,
): Promise<{ message: ReplyMessage; recipients: Fingerprint[] }> {
  const stored = await store.getMessage(request.post);
  const post = stored && decodeMessage(stored.message);
  if (!stored || post?.kind !== 'post') throw new Refusal('post-missing', 'no such post');
  const mine = stored.authorFingerprint === me;
  let recipients: Fingerprint[];
  if (request.visibility === 'private') {
    if (mine) throw new Refusal('reply-to-self', 'a private reply goes to the author: that is you');
    recipients = [stored.authorFingerprint];
  } else if (!mine) {
    recipients = [stored.authorFingerprint]; // who passes it on to the post's audience
  } else {
    const sent = await store.getOutbox(request.post);
    recipients = sent?.recipients.map((r) => r.fingerprintHex) ?? [];
  }
  const message: ReplyMessage = {
    kind: 'reply',
    id: newMessageId(),
    createdAt: Date.now(),
    postAuthor: fromHex(stored.authorFingerprint),
    postId: post.id,
    parentReplyId: request.parentReplyId ?? null,
    visibility: request.visibility,
    text: request.text,
  };
  return { message, recipients };
}

/**
 * A friend's public reply to one of the user's own posts: passed on to the post's audience (but
 * the replier, and anyone no longer a friend), with the replier's signature, key and name.
 * Resolves to how many it went to; never rejects (a failure is reported without its details,
 * which could name people).
 */
export async function shareReply(
  node: MurmurNode,
  store: NodeStore,
  opened: Opened,
  names: ReadonlyMap<string, string>,
): Promise<number> {
  try {
    return await passOn(node, store, opened, names.get(opened.senderFingerprintHex) ?? '?');
  } catch {
    console.warn('Murmur: a public reply to your post could not be passed on');
    return 0;
  }
}

async function passOn(
  node: MurmurNode,
  store: NodeStore,
  opened: Opened,
  replierName: string,
): Promise<number> {
  const reply = opened.message;
  if (reply.kind !== 'reply' || reply.visibility !== 'public') return 0;
  if (toHex(reply.postAuthor) !== node.keyring.me.fingerprintHex || !opened.friend) return 0;
  const postEnvelope = await ownPostEnvelope(store, node.keyring.me.fingerprintHex, reply.postId);
  const post = postEnvelope ? await store.getOutbox(postEnvelope) : undefined;
  const recipients = (post?.recipients ?? [])
    .map((r) => r.fingerprintHex)
    .filter((fp) => fp !== opened.senderFingerprintHex && node.keyring.writableFriend(fp));
  if (recipients.length === 0) return 0;
  const shared: SharedReplyMessage = {
    kind: 'shared-reply',
    createdAt: Date.now(),
    authorName: replierName,
    authorKey: opened.senderKey.write(),
    signedData: opened.signedData,
    signature: opened.signature,
  };
  await node.send(shared, recipients);
  return recipients.length;
}

/** Posts read per page, and pages at most, when looking for the post a reply names. */
const PAGE = 200;
const SEARCH_PAGES = 10;

/**
 * The envelope id of the user's own post with this message id, newest posts first (replies are
 * mostly to recent posts), or null. Bounded: a friend's reply naming an id that does not exist
 * would otherwise page through every post stored, at each such reply. A reply to a post older
 * than the newest SEARCH_PAGES × PAGE posts is shown to the author but not passed on.
 */
async function ownPostEnvelope(
  store: NodeStore,
  me: string,
  wanted: MessageId,
): Promise<EnvelopeId | null> {
  let before: number | undefined;
  for (let pageNumber = 0; pageNumber < SEARCH_PAGES; pageNumber++) {
    const page = await store.listMessages({ kind: 'post', limit: PAGE, before });
    for (const m of page) {
      if (m.authorFingerprint !== me) continue;
      const post = decodeMessage(m.message);
      if (post.kind === 'post' && post.id === wanted) return m.id;
    }
    const last = page.at(-1);
    if (page.length < PAGE || !last) return null;
    before = last.receivedAt;
  }
  return null;
}
