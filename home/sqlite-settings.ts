/**
 * The settings port in the home's database file: the same calls as the extension's settings
 * table, each value kept as structured-clone bytes so what is read back is a copy.
 */
import type { SettingsPort } from '../src/app/settings-port';
import { recordBytes, recordFrom, type HomeDatabase } from './sqlite-database';
import { writeGroupsOf } from './write-groups';

export function sqliteSettings(db: HomeDatabase): SettingsPort {
  const read = db.prepare('SELECT value FROM settings WHERE key = ?');
  const write = db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  );
  const writeAll = db.transaction((entries: [string, unknown][]) => {
    for (const [key, value] of entries) write.run(key, recordBytes(value));
  });
  const groups = writeGroupsOf(db);
  return {
    async get(keys) {
      const names = typeof keys === 'string' ? [keys] : keys;
      const found: Record<string, unknown> = {};
      for (const key of names) {
        const row = read.get(key) as { value: Buffer } | undefined;
        if (row) found[key] = recordFrom(row.value);
      }
      return found;
    },
    async set(items) {
      await groups.turn(null); // a settings write waits for an open group (write-groups.ts)
      writeAll(Object.entries(items));
    },
  };
}
