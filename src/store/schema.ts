/**
 * Murmur's IndexedDB schema (Dexie). Works in the Chromium service worker, extension pages,
 * Firefox's background page, and Node over fake-indexeddb.
 *
 * One version: nothing has shipped, so no database of an older shape exists to upgrade (the
 * first release starts here; a later change of shape adds version 2 and its upgrade). The chats
 * list's index (`heads`, store/conversation-heads.ts) is rebuilt from the messages at the first
 * read after a restore. Messages are indexed only as queries read them (the feed by [kind+receivedAt], conversations by
 * [conversationWith+receivedAt]): each index is written on every put, and restoring a backup of
 * 60,000 messages once spent most of its time on two that nothing read.
 */
import Dexie, { type DexieOptions, type Table } from 'dexie';
import { countWrites, type WriteCounts } from './write-counter';
import type {
  ContactRecord,
  IdentityRecord,
  OutboxEntry,
  ReceiptRecord,
  RelayCopy,
  SeenRecord,
  StoredMessage,
} from '../core/state/records';
import type { Fingerprint } from '../core/identity/fingerprint';
import type { EnvelopeId } from '../core/envelope/envelope-id';

export interface SettingRow {
  key: string;
  value: unknown;
}

/** A conversation's newest message and the arrival of the friend's newest own messages. */
export interface ConversationHeadRow {
  with: Fingerprint;
  /** A copy of the newest message, so the list needs no second read. */
  last: StoredMessage;
  /** Newest first, at most HEAD_ARRIVALS_KEPT. */
  theirs: { id: EnvelopeId; at: number }[];
}

export const SCHEMA = {
  messages: '&id, receivedAt, [kind+receivedAt], [conversationWith+receivedAt]',
  outbox: '&id, createdAt',
  relay: '&id, receivedAt, dropAt',
  receipts: '&key, id, expiresAt',
  seen: '&id, expiresAt',
  contacts: '&fingerprint, state, addedAt',
  settings: '&key',
  heads: '&with',
};

export class MurmurDatabase extends Dexie {
  messages!: Table<StoredMessage, string>;
  outbox!: Table<OutboxEntry, string>;
  relay!: Table<RelayCopy, string>;
  receipts!: Table<ReceiptRecord, string>;
  seen!: Table<SeenRecord, string>;
  contacts!: Table<ContactRecord, string>;
  settings!: Table<SettingRow, string>;
  heads!: Table<ConversationHeadRow, string>;

  constructor(name = 'murmur', options?: DexieOptions) {
    super(name, options);
    this.version(1).stores(SCHEMA);
  }

  /** Writes per table, for in-memory copies that must follow them (store/write-counter.ts). */
  readonly writes: WriteCounts = countWrites(this);
}

export type { IdentityRecord };
