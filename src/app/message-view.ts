/** A stored message as the UI sees it: decoded, with the author's name, ready to show as text. */
import { toBase64Url } from '../core/bytes';
import { decodeMessage } from '../core/messages/codec';
import type { StoredMessage } from '../core/state/records';
import type { NodeStore } from '../core/state/store-port';
import type { DeliveryView, MessageView } from '../messaging/views';
import { deliveryView } from './delivery-view';
import { unverifiedClashes } from './name-clashes';

export interface Viewer {
  fingerprintHex: string;
  displayName: string;
}

/** Null for kinds the UI does not list (friend requests, receipts, …). */
export function messageView(
  m: StoredMessage,
  me: Viewer | null,
  names: ReadonlyMap<string, string>,
  delivery: DeliveryView | null = null,
  /** Contacts whose name is not theirs alone and who are not verified (name-clashes.ts). */
  clashes: ReadonlySet<string> = new Set(),
): MessageView | null {
  const message = decodeMessage(m.message);
  if (message.kind !== 'post' && message.kind !== 'direct' && message.kind !== 'reply') return null;
  const mine = me !== null && m.authorFingerprint === me.fingerprintHex;
  return {
    id: m.id,
    kind: message.kind,
    authorFingerprint: m.authorFingerprint,
    authorName: mine
      ? me.displayName
      : (names.get(m.authorFingerprint) ?? m.sharedBy?.authorName ?? '?'),
    authorKnown: mine || names.has(m.authorFingerprint),
    authorNameClash: !mine && clashes.has(m.authorFingerprint),
    mine,
    text: message.text,
    createdAt: message.createdAt,
    receivedAt: m.receivedAt,
    conversationWith: m.conversationWith,
    // Received messages are stored only after open() checked the signature.
    verified: mine || m.signature !== null,
    itemId: message.id,
    reply:
      message.kind === 'reply'
        ? {
            postId: message.postId,
            parentReplyId: message.parentReplyId,
            visibility: message.visibility,
          }
        : null,
    sharedBy: m.sharedBy ? (names.get(m.sharedBy.fingerprint) ?? '?') : null,
    delivery: mine ? delivery : null,
    mirroredFromFacebookAt:
      message.kind === 'post' && message.mirroredFrom ? message.mirroredFrom.publishedAt : null,
    thumbnails:
      message.kind === 'post'
        ? message.thumbnails.map((t) => ({ ...t, data: toBase64Url(t.data) }))
        : [],
  };
}

export interface MessageQuery {
  kind?: 'post' | 'direct' | 'reply';
  with?: string | null;
  limit?: number;
  before?: number;
}

/** A page of messages, newest first, as the UI shows them. */
export async function listMessageViews(
  store: NodeStore,
  query: MessageQuery,
  me: Viewer | null,
  names: ReadonlyMap<string, string>,
  /** Friends connected now: an own message waiting for them is on its way. */
  online: ReadonlySet<string> = new Set(),
): Promise<MessageView[]> {
  const [stored, contacts] = await Promise.all([
    store.listMessages({
      kind: query.kind,
      conversationWith: query.with ?? undefined,
      limit: query.limit ?? 200,
      before: query.before,
    }),
    store.listContacts(),
  ]);
  const clashes = unverifiedClashes(contacts, me?.displayName ?? null);
  const homes = new Map(contacts.flatMap((c) => (c.homeOf ? [[c.fingerprint, c.homeOf]] : [])));
  const now = Math.floor(Date.now() / 1000);
  const views = await Promise.all(
    stored.map(async (m) => {
      // Own messages show how far they got; the outbox keeps that after delivery too.
      const outbox =
        m.authorFingerprint === me?.fingerprintHex ? await store.getOutbox(m.id) : undefined;
      const delivery = outbox ? deliveryView(outbox, now, names, online, homes) : null;
      return messageView(m, me, names, delivery, clashes);
    }),
  );
  return views.filter((v): v is MessageView => v !== null);
}
