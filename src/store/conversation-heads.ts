/**
 * The chats list's own index: per conversation, its newest message and when the friend's newest
 * messages arrived. Kept in the same transaction as every message write, so the chats list is
 * two reads however many conversations there are (500 cost 1,000 index reads before: most of
 * `chats_ready_ms` in bench:popup). Rebuilt from the messages whenever it is not known to be
 * complete: a new or restored database, or records written behind the store's back.
 */
import Dexie from 'dexie';
import type { StoredMessage } from '../core/state/records';
import {
  UNREAD_COUNT_LIMIT,
  type ConversationHead,
  type ConversationRead,
} from '../core/state/store-port';
import type { Fingerprint } from '../core/identity/fingerprint';
import type { ConversationHeadRow, MurmurDatabase } from './schema';

/** How many of the friend's newest arrival times a head keeps: unread counts stop there. */
const HEAD_ARRIVALS_KEPT = UNREAD_COUNT_LIMIT;

/** Present in `settings` once every head is complete; a cleared database has none. */
export const HEADS_COMPLETE = 'heads.complete';

/** In the index's order: by arrival, then by id. */
const newerThan = (m: StoredMessage, than: StoredMessage) =>
  m.receivedAt > than.receivedAt || (m.receivedAt === than.receivedAt && m.id > than.id);

/** The head after `message` is added to it (idempotent: the same message twice counts once). */
function withMessage(
  head: ConversationHeadRow | undefined,
  message: StoredMessage,
  friend: Fingerprint,
): ConversationHeadRow {
  // The same message stored again replaces its copy.
  const last =
    !head || head.last.id === message.id || newerThan(message, head.last) ? message : head.last;
  const row = head ?? { with: friend, last, theirs: [] };
  let theirs = row.theirs;
  if (message.authorFingerprint === friend && !theirs.some((a) => a.id === message.id)) {
    theirs = [...theirs, { id: message.id, at: message.receivedAt }]
      .sort((a, b) => b.at - a.at)
      .slice(0, HEAD_ARRIVALS_KEPT);
  }
  return { with: friend, last, theirs };
}

/** Inside a write transaction that includes `heads`: the message's conversation, updated. */
export async function noteMessage(db: MurmurDatabase, message: StoredMessage): Promise<void> {
  const friend = message.conversationWith;
  if (!friend) return;
  await db.heads.put(withMessage(await db.heads.get(friend), message, friend));
}

/** Inside a write transaction: one conversation's head, from its messages (after a delete). */
export async function recomputeHead(db: MurmurDatabase, friend: Fingerprint): Promise<void> {
  const range = db.messages
    .where('[conversationWith+receivedAt]')
    .between([friend, Dexie.minKey], [friend, Dexie.maxKey]);
  const [last] = await range.clone().reverse().limit(1).toArray();
  if (!last) return void (await db.heads.delete(friend));
  let head: ConversationHeadRow | undefined;
  // Newest first, until enough of the friend's own are known.
  await range
    .reverse()
    .until(() => (head?.theirs.length ?? 0) >= HEAD_ARRIVALS_KEPT)
    .each((m) => void (head = withMessage(head, m, friend)));
  if (head) await db.heads.put({ ...head, last });
}

/** Every head from the messages, in one pass; then marked complete. */
async function rebuild(db: MurmurDatabase): Promise<void> {
  await db.transaction('rw', db.messages, db.heads, db.settings, async () => {
    const heads = new Map<string, ConversationHeadRow>();
    // Only messages of a conversation are in this index (a null key is not indexed).
    await db.messages.orderBy('[conversationWith+receivedAt]').each((m) => {
      const friend = m.conversationWith;
      if (!friend) return;
      heads.set(friend, withMessage(heads.get(friend), m, friend));
    });
    await db.heads.clear();
    await db.heads.bulkPut([...heads.values()]);
    await db.settings.put({ key: HEADS_COMPLETE, value: true });
  });
}

/** The chats list's heads: one read of the whole index (one request, however many rows). */
export async function readHeads(
  db: MurmurDatabase,
  conversations: readonly ConversationRead[],
  countUpTo: number,
): Promise<ConversationHead[]> {
  if (!(await db.settings.get(HEADS_COMPLETE))) await rebuild(db);
  const heads = new Map((await db.heads.toArray()).map((h) => [h.with, h]));
  return conversations.map(({ with: friend, readAt }) => {
    const head = heads.get(friend);
    const unread = head?.theirs.filter((a) => a.at > readAt).length ?? 0;
    return { with: friend, last: head?.last ?? null, unread: Math.min(unread, countUpTo) };
  });
}
