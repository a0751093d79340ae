/**
 * The SQL the home's store runs, prepared once. Puts are upserts that keep a row's rowid, so
 * relay copies received in the same millisecond keep listing in the order they came (the
 * memory and Dexie stores do the same).
 */
import type { HomeDatabase } from './sqlite-database';

const upsert = (table: string, key: string, columns: string[]) =>
  `INSERT INTO ${table} (${[key, ...columns].join(', ')})
   VALUES (${[key, ...columns].map(() => '?').join(', ')})
   ON CONFLICT(${key}) DO UPDATE SET ${columns.map((c) => `${c} = excluded.${c}`).join(', ')}`;

export function statementsOf(db: HomeDatabase) {
  const prepare = (sql: string) => db.prepare(sql);
  return {
    putMessage: prepare(
      upsert('messages', 'id', ['kind', 'conversation', 'author', 'received_at', 'record']),
    ),
    getMessage: prepare('SELECT record FROM messages WHERE id = ?'),
    deleteMessage: prepare('DELETE FROM messages WHERE id = ?'),
    listMessages: prepare(
      `SELECT record FROM messages
       WHERE (@kind IS NULL OR kind = @kind)
         AND (@conversation IS NULL OR conversation = @conversation)
         AND (@before IS NULL OR received_at < @before)
       ORDER BY received_at DESC, id ASC LIMIT @limit`,
    ),
    lastOfConversation: prepare(
      `SELECT record FROM messages WHERE conversation = ?
       ORDER BY received_at DESC, id ASC LIMIT 1`,
    ),
    unreadOfConversation: prepare(
      `SELECT COUNT(*) AS unread FROM (SELECT 1 FROM messages
       WHERE conversation = ? AND received_at > ? AND author = ? LIMIT ?)`,
    ),

    putOutbox: prepare(upsert('outbox', 'id', ['created_at', 'record'])),
    getOutbox: prepare('SELECT record FROM outbox WHERE id = ?'),
    listOutbox: prepare('SELECT record FROM outbox ORDER BY created_at, rowid'),
    deleteOutbox: prepare('DELETE FROM outbox WHERE id = ?'),

    putRelay: prepare(upsert('relay', 'id', ['received_at', 'size', 'record'])),
    getRelay: prepare('SELECT record FROM relay WHERE id = ?'),
    listRelay: prepare('SELECT record FROM relay ORDER BY received_at, rowid'),
    deleteRelay: prepare('DELETE FROM relay WHERE id = ?'),
    relayBytes: prepare('SELECT COALESCE(SUM(size), 0) AS total FROM relay'),

    putReceipt: prepare(upsert('receipts', 'key', ['record'])),
    getReceipt: prepare('SELECT record FROM receipts WHERE key = ?'),
    listReceipts: prepare('SELECT record FROM receipts ORDER BY key'),
    deleteReceipt: prepare('DELETE FROM receipts WHERE key = ?'),

    putSeen: prepare(upsert('seen', 'id', ['record'])),
    getSeen: prepare('SELECT record FROM seen WHERE id = ?'),
    listSeen: prepare('SELECT record FROM seen ORDER BY id'),
    deleteSeen: prepare('DELETE FROM seen WHERE id = ?'),

    known: prepare(
      `SELECT 1 FROM seen WHERE id = @id UNION ALL SELECT 1 FROM relay WHERE id = @id
       UNION ALL SELECT 1 FROM outbox WHERE id = @id UNION ALL SELECT 1 FROM messages WHERE id = @id
       LIMIT 1`,
    ),

    getSingleton: prepare('SELECT record FROM singletons WHERE name = ?'),
    putSingleton: prepare(upsert('singletons', 'name', ['record'])),

    putContact: prepare(upsert('contacts', 'fingerprint', ['added_at', 'record'])),
    getContact: prepare('SELECT record FROM contacts WHERE fingerprint = ?'),
    listContacts: prepare('SELECT record FROM contacts ORDER BY added_at, rowid'),
    deleteContact: prepare('DELETE FROM contacts WHERE fingerprint = ?'),
  };
}
