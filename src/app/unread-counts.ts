/**
 * Messages from each friend received after their conversation was last read. One walk over the
 * newest direct messages (the chats screen asks every second or so), not one query per friend.
 */
import type { NodeStore } from '../core/state/store-port';

export async function unreadPerFriend(
  store: NodeStore,
  friends: ReadonlySet<string>,
  lastRead: Record<string, number>,
): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const m of await store.listMessages({ kind: 'direct', limit: 500 })) {
    const from = m.authorFingerprint;
    if (friends.has(from) && m.conversationWith === from && m.receivedAt > (lastRead[from] ?? 0))
      out[from] = (out[from] ?? 0) + 1;
  }
  return out;
}
