/**
 * Murmur's IndexedDB schema (Dexie). Works in the Chromium service worker, extension pages,
 * Firefox's background page, and Node over fake-indexeddb.
 *
 * Versions:
 *  1 — first schema.
 *  2 — seen records gained `notify` (whom to pass late receipts to); messages gained compound
 *      indexes for the feed ([kind+receivedAt]) and conversations ([conversationWith+receivedAt]).
 *  3 — messages lost the single `kind` and `conversationWith` indexes: every query uses the
 *      compound ones, and each index is written on every put (restoring a backup of 60,000
 *      messages spent most of its time there).
 */
import Dexie, { type DexieOptions, type Table } from 'dexie';
import type {
  ContactRecord,
  IdentityRecord,
  OutboxEntry,
  ReceiptRecord,
  RelayCopy,
  SeenRecord,
  StoredMessage,
} from '../core/state/records';

export interface SettingRow {
  key: string;
  value: unknown;
}

export const SCHEMA_V1 = {
  messages: '&id, kind, conversationWith, receivedAt',
  outbox: '&id, createdAt',
  relay: '&id, receivedAt, dropAt',
  receipts: '&key, id, expiresAt',
  seen: '&id, expiresAt',
  contacts: '&fingerprint, state, addedAt',
  settings: '&key',
};

export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  messages:
    '&id, kind, conversationWith, receivedAt, [kind+receivedAt], [conversationWith+receivedAt]',
};

export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  messages: '&id, receivedAt, [kind+receivedAt], [conversationWith+receivedAt]',
};

export class MurmurDatabase extends Dexie {
  messages!: Table<StoredMessage, string>;
  outbox!: Table<OutboxEntry, string>;
  relay!: Table<RelayCopy, string>;
  receipts!: Table<ReceiptRecord, string>;
  seen!: Table<SeenRecord, string>;
  contacts!: Table<ContactRecord, string>;
  settings!: Table<SettingRow, string>;

  constructor(name = 'murmur', options?: DexieOptions) {
    super(name, options);
    this.version(1).stores(SCHEMA_V1);
    this.version(2)
      .stores(SCHEMA_V2)
      .upgrade(async (tx) => {
        await tx
          .table<SeenRecord & { notify?: string[] }>('seen')
          .toCollection()
          .modify((record) => {
            record.notify ??= [];
          });
      });
    this.version(3).stores(SCHEMA_V3);
  }
}

export type { IdentityRecord };
