/**
 * How many writes each table has had, counted below every write Dexie makes (put, delete, bulk
 * writes, clear — a restore's too), so an in-memory copy of a table can tell whether it is still
 * what the database holds. Only the background writes to the database.
 */
import type Dexie from 'dexie';

export interface WriteCounts {
  /** Goes up before every write to `table` starts, and again once it is done. */
  of(table: string): number;
}

export function countWrites(db: Dexie): WriteCounts {
  const counts = new Map<string, number>();
  const bump = (table: string) => counts.set(table, (counts.get(table) ?? 0) + 1);
  db.use({
    stack: 'dbcore',
    name: 'murmur-write-counter',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          mutate: (request) => {
            bump(name);
            return table.mutate(request).finally(() => bump(name));
          },
        };
      },
    }),
  });
  return { of: (table) => counts.get(table) ?? 0 };
}

/**
 * One table's rows as last read, read again after any write. A read that overlapped a write is
 * never used again: the count it was kept under went up when the write started and again when
 * it ended, and IndexedDB runs a read that starts after a write's end after its commit.
 */
export function cachedRead<T>(writes: WriteCounts, table: string, read: () => Promise<T>) {
  let kept: { at: number; rows: Promise<T> } | null = null;
  return (): Promise<T> => {
    const at = writes.of(table);
    if (kept?.at === at) return kept.rows;
    const rows = read();
    kept = { at, rows };
    // A failed read is not kept either.
    rows.catch(() => {
      if (kept?.rows === rows) kept = null;
    });
    return rows;
  };
}
