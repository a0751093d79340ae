/**
 * Group commit for the home's database. With `synchronous = FULL` every commit is a flush to
 * disk, and a receipt alone made three (the receipt, the copy it retires, the seen marker):
 * catching a browser up on a thousand messages spent most of its time flushing. A group is one
 * transaction around a piece of async work (a frame's worth of writes), committed when the
 * work settles and rolled back if it fails, as a crash would.
 *
 * better-sqlite3 has one connection, so a write from elsewhere while a group is open would
 * land in its transaction: promised done, yet on disk only when the group commits (and gone if
 * it rolls back). Such writes wait for the group instead. The group's own writes are told
 * apart by the handle they are made through (a store view bound to the group), not by
 * tracking async context, which costs every promise in the process.
 */
import type { HomeDatabase } from './sqlite-database';

/** One open transaction; writes made through its handle belong to it. */
export interface WriteGroup {
  readonly ended: Promise<void>;
}

/** One set of groups per database: the store and the settings share its connection. */
const ofDatabase = new WeakMap<HomeDatabase, WriteGroups>();

export function writeGroupsOf(db: HomeDatabase): WriteGroups {
  let groups = ofDatabase.get(db);
  if (!groups) {
    groups = new WriteGroups(db);
    ofDatabase.set(db, groups);
  }
  return groups;
}

export class WriteGroups {
  private open: WriteGroup | null = null;

  constructor(private readonly db: HomeDatabase) {}

  /** Runs `work` in one transaction (after any open group); durable once this settles. */
  async together<T>(work: (group: WriteGroup) => Promise<T>): Promise<T> {
    await this.turn(null);
    let end: () => void = () => undefined;
    const group: WriteGroup = { ended: new Promise<void>((resolve) => (end = resolve)) };
    this.open = group;
    try {
      this.db.exec('BEGIN');
      const result = await work(group);
      this.db.exec('COMMIT');
      return result;
    } catch (error) {
      if (this.db.open && this.db.inTransaction) this.db.exec('ROLLBACK');
      throw error;
    } finally {
      this.open = null;
      end();
    }
  }

  /**
   * Resolves when a write made through `mine` (a group's handle, or null) may run: at once in
   * its own open group or when none is open; else once the open group has ended.
   */
  async turn(mine: WriteGroup | null): Promise<void> {
    // Bounded: each pass waits for a group to end, and a group ends when its work does.
    while (this.open && this.open !== mine) await this.open.ended;
  }
}
