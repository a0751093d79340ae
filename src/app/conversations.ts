/**
 * The chats list: one conversation per friend, with the last message, its time, how many are
 * unread, and whether the friend is online; newest conversation first, then friends never
 * written to, by name. The last message is one indexed read per friend
 * ([conversationWith+receivedAt], newest first), all at once; unread counts are one walk.
 */
import { decodeMessage } from '../core/messages/codec';
import type { ContactRecord } from '../core/state/records';
import type { NodeStore } from '../core/state/store-port';
import { toBase64Url } from '../core/bytes';
import type { ConversationView, LastMessageView } from '../messaging/views';
import { unreadPerFriend } from './unread-counts';

export async function conversationList(
  store: NodeStore,
  contacts: readonly ContactRecord[],
  online: ReadonlySet<string>,
  lastRead: Record<string, number>,
): Promise<ConversationView[]> {
  const friends = contacts.filter((c) => c.state === 'friend');
  const [unread, lasts] = await Promise.all([
    unreadPerFriend(store, new Set(friends.map((c) => c.fingerprint)), lastRead),
    Promise.all(friends.map((c) => lastMessageWith(store, c))),
  ]);
  const views = friends.map((c, i): ConversationView => ({
    with: c.fingerprint,
    name: c.displayName,
    avatar: c.avatar ? { ...c.avatar, data: toBase64Url(c.avatar.data) } : null,
    online: online.has(c.fingerprint),
    last: lasts[i] ?? null,
    unread: unread[c.fingerprint] ?? 0,
  }));
  return views.sort(
    (a, b) => (b.last?.at ?? -Infinity) - (a.last?.at ?? -Infinity) || a.name.localeCompare(b.name),
  );
}

async function lastMessageWith(
  store: NodeStore,
  contact: ContactRecord,
): Promise<LastMessageView | null> {
  const [stored] = await store.listMessages({ conversationWith: contact.fingerprint, limit: 1 });
  if (!stored) return null;
  const message = decodeMessage(stored.message);
  if (message.kind !== 'direct') return null;
  return {
    text: message.text,
    at: stored.receivedAt,
    mine: stored.authorFingerprint !== contact.fingerprint,
  };
}
