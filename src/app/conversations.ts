/**
 * The chats list: one conversation per friend, with the last message, its time, how many are
 * unread, and whether the friend is online; newest conversation first, then friends never
 * written to, by name. One store read for all of them (`conversationHeads`).
 */
import { decodeMessage } from '../core/messages/codec';
import type { ContactRecord, StoredMessage } from '../core/state/records';
import { UNREAD_COUNT_LIMIT, type NodeStore } from '../core/state/store-port';
import { avatarView } from './friend-view';
import type { ConversationView, LastMessageView } from '../messaging/views';

export async function conversationList(
  store: NodeStore,
  contacts: readonly ContactRecord[],
  online: ReadonlySet<string>,
  lastRead: Readonly<Record<string, number>>,
): Promise<ConversationView[]> {
  const friends = contacts.filter((c) => c.state === 'friend');
  const heads = await store.conversationHeads(
    friends.map((c) => ({ with: c.fingerprint, readAt: lastRead[c.fingerprint] ?? 0 })),
    UNREAD_COUNT_LIMIT,
  );
  const views = friends.map((c, i): ConversationView => {
    const head = heads[i];
    return {
      with: c.fingerprint,
      name: c.displayName,
      avatar: avatarView(c),
      online: online.has(c.fingerprint),
      last: head?.last ? lastMessageView(head.last, c) : null,
      unread: head?.unread ?? 0,
    };
  });
  return views.sort(
    (a, b) => (b.last?.at ?? -Infinity) - (a.last?.at ?? -Infinity) || a.name.localeCompare(b.name),
  );
}

function lastMessageView(stored: StoredMessage, friend: ContactRecord): LastMessageView | null {
  const message = decodeMessage(stored.message);
  if (message.kind !== 'direct') return null;
  return {
    text: message.text,
    at: stored.receivedAt,
    mine: stored.authorFingerprint !== friend.fingerprint,
  };
}
