/**
 * The home's database file: one SQLite file (better-sqlite3) holding the store port's records
 * and the home's settings. Each record is kept whole, as Node's structured-clone bytes (the
 * same copy semantics as IndexedDB in the browser), beside the few columns the store queries
 * by. Written through WAL with `synchronous = FULL`: a write the node has been told is done
 * survives `kill -9` and a power cut alike — a home acknowledges copies it now carries alone.
 */
import Database from 'better-sqlite3';
import { deserialize, serialize } from 'node:v8';

export type HomeDatabase = Database.Database;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS messages (
  id TEXT PRIMARY KEY, kind TEXT NOT NULL, conversation TEXT, author TEXT NOT NULL,
  received_at REAL NOT NULL, record BLOB NOT NULL);
CREATE INDEX IF NOT EXISTS messages_by_time ON messages (received_at);
CREATE INDEX IF NOT EXISTS messages_by_kind ON messages (kind, received_at);
CREATE INDEX IF NOT EXISTS messages_by_conversation ON messages (conversation, received_at);
CREATE TABLE IF NOT EXISTS outbox (
  id TEXT PRIMARY KEY, created_at REAL NOT NULL, record BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS relay (
  id TEXT PRIMARY KEY, received_at REAL NOT NULL, size INTEGER NOT NULL, record BLOB NOT NULL);
CREATE INDEX IF NOT EXISTS relay_by_time ON relay (received_at);
CREATE TABLE IF NOT EXISTS receipts (key TEXT PRIMARY KEY, record BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS seen (id TEXT PRIMARY KEY, record BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS contacts (
  fingerprint TEXT PRIMARY KEY, added_at REAL NOT NULL, record BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS singletons (name TEXT PRIMARY KEY, record BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value BLOB NOT NULL);
`;

/** The schema this code writes; a file from a newer home is refused, not misread. */
export const SCHEMA_VERSION = 1;

export class DatabaseVersionError extends Error {
  override readonly name = 'DatabaseVersionError';
}

/**
 * How a commit reaches the disk. A home flushes each one (`full`): it acknowledges copies a
 * sender may then forget. `relaxed` hands commits to the OS and lets it flush, as browsers
 * commit IndexedDB (Firefox and Safari, and Chromium since 121): a process killed loses
 * nothing, a power cut may lose the last seconds. Only a stand-in for a browser uses it.
 */
export type Durability = 'full' | 'relaxed';

/** Opens (creating if needed) the home's database at `path` (`:memory:` for tests). */
export function openHomeDatabase(path: string, durability: Durability = 'full'): HomeDatabase {
  const db = new Database(path);
  try {
    const version = Number(db.pragma('user_version', { simple: true }));
    if (version > SCHEMA_VERSION)
      throw new DatabaseVersionError(
        `the database was written by a newer Murmur home (schema ${version}, this one knows ${SCHEMA_VERSION})`,
      );
    db.pragma('journal_mode = WAL');
    db.pragma(durability === 'full' ? 'synchronous = FULL' : 'synchronous = NORMAL');
    db.exec(SCHEMA);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** A record as stored: structured-clone bytes, as IndexedDB keeps one. */
export const recordBytes = (value: unknown): Buffer => serialize(value);

/** A stored record read back: a fresh copy the caller may change freely. */
export function recordFrom<T>(bytes: unknown): T {
  if (!(bytes instanceof Uint8Array)) throw new TypeError('a stored record is not bytes');
  return deserialize(bytes) as T;
}
