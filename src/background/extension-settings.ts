/**
 * The extension's own settings — the tracker key, trackers and ICE servers, cross-posting and
 * sharing switches, audience lists, read marks — kept in IndexedDB, with the same calls as
 * `storage.local`. Not in `storage.local`, because our content script can read and write that,
 * and it runs inside facebook.com, a page we do not control; Firefox offers no way to close
 * `storage.local` to content scripts (https://bugzilla.mozilla.org/show_bug.cgi?id=1724754),
 * while IndexedDB in a content script is the page's own.
 */
import { openDatabase } from './database';

/** Rows of the settings table that are extension settings (the rest is the node's). */
const PREFIX = 'ext:';

type Items = Record<string, unknown>;

async function all(): Promise<Items> {
  const rows = await openDatabase().settings.where('key').startsWith(PREFIX).toArray();
  return Object.fromEntries(rows.map((r) => [r.key.slice(PREFIX.length), r.value]));
}

export const extensionSettings = {
  /** Like storage.local.get: null for everything, else the named keys that exist. */
  async get(keys: string | string[] | null): Promise<Items> {
    if (keys === null) return all();
    const names = typeof keys === 'string' ? [keys] : keys;
    const rows = await openDatabase().settings.bulkGet(names.map((k) => PREFIX + k));
    const out: Items = {};
    for (const row of rows) if (row) out[row.key.slice(PREFIX.length)] = row.value;
    return out;
  },

  async set(items: Items): Promise<void> {
    await openDatabase().settings.bulkPut(
      Object.entries(items).map(([key, value]) => ({ key: PREFIX + key, value })),
    );
  },

  async remove(keys: string | string[]): Promise<void> {
    const names = typeof keys === 'string' ? [keys] : keys;
    await openDatabase().settings.bulkDelete(names.map((k) => PREFIX + k));
  },

  async clear(): Promise<void> {
    await openDatabase().settings.where('key').startsWith(PREFIX).delete();
  },
};
