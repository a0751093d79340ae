/**
 * Where the application keeps the user's small settings (own profile, friends-of-friends
 * choices): the extension's own IndexedDB table in a browser, memory in tests and the
 * simulator. The same calls as `storage.local`, so the extension's store fits as it is.
 */
export interface SettingsPort {
  /** The named keys that exist. */
  get(keys: string | string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

/** Settings kept in memory (tests, the simulator; a headless node until it has a file). */
export function memorySettings(): SettingsPort {
  const items = new Map<string, unknown>();
  return {
    async get(keys) {
      const names = typeof keys === 'string' ? [keys] : keys;
      return Object.fromEntries(names.filter((k) => items.has(k)).map((k) => [k, items.get(k)]));
    },
    async set(entries) {
      for (const [key, value] of Object.entries(entries)) items.set(key, structuredClone(value));
    },
  };
}
