/**
 * Murmur's IndexedDB schema (Dexie). Works in the Chromium service worker, extension pages,
 * Firefox's background page, and Node over fake-indexeddb.
 *
 * One version: Murmur is unreleased, so no database holds an older shape. Messages are indexed
 * only as queries read them (the feed by [kind+receivedAt], conversations by
 * [conversationWith+receivedAt]): each index is written on every put, and restoring a backup of
 * 60,000 messages once spent most of its time on two that nothing read.
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

export const SCHEMA = {
  messages: '&id, receivedAt, [kind+receivedAt], [conversationWith+receivedAt]',
  outbox: '&id, createdAt',
  relay: '&id, receivedAt, dropAt',
  receipts: '&key, id, expiresAt',
  seen: '&id, expiresAt',
  contacts: '&fingerprint, state, addedAt',
  settings: '&key',
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
    this.version(1).stores(SCHEMA);
  }
}

export type { IdentityRecord };
