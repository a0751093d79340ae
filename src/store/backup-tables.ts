/**
 * The database side of backups: one consistent read of everything a backup holds, and one
 * transaction that replaces the whole store with a backup's contents — all or nothing.
 */
import type { IndexableType, Table } from 'dexie';
import type { BackupContents } from '../core/backup/contents';
import { DEFAULT_RELAY_POLICY } from '../core/state/records';
import type { MurmurDatabase } from './schema';

const IDENTITY = 'identity';
const RELAY_POLICY = 'relay.policy';
const RELAY_BYTES = 'relay.bytes';
/** Rows read per step, so a progress bar can move while a large history is read. */
const PAGE = 5_000;

export type TableContents = Omit<BackupContents, 'format' | 'version' | 'createdAt' | 'settings'>;

export interface ReadProgress {
  done: number;
  total: number;
}

/** Everything in one read-only transaction: a message arriving meanwhile is in or out, not half. */
export async function readTables(
  db: MurmurDatabase,
  progress: (p: ReadProgress) => void = () => undefined,
  pageSize = PAGE,
): Promise<TableContents> {
  return db.transaction(
    'r',
    [db.messages, db.outbox, db.receipts, db.seen, db.contacts, db.settings],
    async () => {
      const identity = (await db.settings.get(IDENTITY))?.value as
        TableContents['identity'] | undefined;
      if (!identity) throw new RangeError('there is no identity to back up');
      const tables = [db.messages, db.outbox, db.receipts, db.seen, db.contacts] as const;
      const counts = await Promise.all(tables.map((t) => t.count()));
      const total = counts.reduce((a, b) => a + b, 0);
      let done = 0;
      // Paged by primary key: each page is one getAll() over a key range, where offset()
      // would walk a cursor past every row already read.
      const readAll = async <T, K extends IndexableType>(table: Table<T, K>) => {
        const keyPath = table.schema.primKey.keyPath as string;
        const rows: T[] = [];
        for (;;) {
          const last = rows.at(-1) as Record<string, K> | undefined;
          const range = last ? table.where(':id').above(last[keyPath]) : table.toCollection();
          const page = await range.limit(pageSize).toArray();
          rows.push(...page);
          done += page.length;
          progress({ done, total });
          if (page.length < pageSize) return rows;
        }
      };
      return {
        identity,
        messages: await readAll(db.messages),
        outbox: await readAll(db.outbox),
        receipts: await readAll(db.receipts),
        seen: await readAll(db.seen),
        contacts: await readAll(db.contacts),
        relayPolicy:
          ((await db.settings.get(RELAY_POLICY))?.value as
            TableContents['relayPolicy'] | undefined) ?? DEFAULT_RELAY_POLICY,
      };
    },
  );
}

/**
 * Replaces this profile's store with the backup's: every table cleared (foreign relay copies
 * too — they were held for the identity being replaced) and filled in one transaction.
 */
export async function replaceTables(db: MurmurDatabase, contents: TableContents): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    await Promise.all(db.tables.map((t) => t.clear()));
    await db.messages.bulkPut(contents.messages);
    await db.outbox.bulkPut(contents.outbox);
    await db.receipts.bulkPut(contents.receipts);
    await db.seen.bulkPut(contents.seen);
    await db.contacts.bulkPut(contents.contacts);
    await db.settings.bulkPut([
      { key: IDENTITY, value: contents.identity },
      { key: RELAY_POLICY, value: contents.relayPolicy },
      { key: RELAY_BYTES, value: 0 },
    ]);
  });
}
