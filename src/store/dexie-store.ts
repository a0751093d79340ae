/**
 * The core's store port on IndexedDB (Dexie). Multi-record writes run in one transaction;
 * the relay store's byte total is kept in `settings` in the same transaction as the copies.
 */
import Dexie from 'dexie';
import {
  DEFAULT_RELAY_POLICY,
  type ContactRecord,
  type IdentityRecord,
  type OutboxEntry,
  type ReceiptRecord,
  type RelayCopy,
  type RelayPolicy,
  type SeenRecord,
  type StoredMessage,
} from '../core/state/records';
import type { ConversationRead, ListMessagesOptions, NodeStore } from '../core/state/store-port';
import type { MurmurDatabase } from './schema';
import { noteMessage, readHeads, recomputeHead } from './conversation-heads';
import { cachedRead } from './write-counter';

const RELAY_BYTES = 'relay.bytes';
const RELAY_POLICY = 'relay.policy';
const IDENTITY = 'identity';

export class DexieStore implements NodeStore {
  /**
   * Every screen and every session start asks for the contacts; they change seldom. Kept as
   * read until a write to the table (500 contacts took 25–100 ms to read each time).
   */
  private readonly contacts: () => Promise<ContactRecord[]>;

  constructor(readonly db: MurmurDatabase) {
    // Frozen: the records are shared by every caller, so changing one in place must fail
    // loudly rather than change what the next caller reads.
    this.contacts = cachedRead(db.writes, 'contacts', async () =>
      (await db.contacts.orderBy('addedAt').toArray()).map((c) => Object.freeze(c)),
    );
  }

  /** Each write is its own commit here: nothing to group. */
  writeTogether<T>(work: (store: NodeStore) => Promise<T>): Promise<T> {
    return work(this);
  }

  async putSent(message: StoredMessage, entry: OutboxEntry) {
    await this.db.transaction('rw', this.db.messages, this.db.heads, this.db.outbox, async () => {
      await this.db.messages.put(message);
      await noteMessage(this.db, message);
      await this.db.outbox.put(entry);
    });
  }

  async putDelivery(message: StoredMessage, receipt: ReceiptRecord, seen: SeenRecord) {
    const { db } = this;
    await db.transaction('rw', db.messages, db.heads, db.receipts, db.seen, async () => {
      await db.messages.put(message);
      await noteMessage(db, message);
      await db.receipts.put(receipt);
      await db.seen.put(seen);
    });
  }

  async putMessage(message: StoredMessage) {
    await this.db.transaction('rw', this.db.messages, this.db.heads, async () => {
      await this.db.messages.put(message);
      await noteMessage(this.db, message);
    });
  }
  getMessage(id: string) {
    return this.db.messages.get(id);
  }
  async deleteMessage(id: string) {
    await this.db.transaction('rw', this.db.messages, this.db.heads, async () => {
      const gone = await this.db.messages.get(id);
      await this.db.messages.delete(id);
      if (gone?.conversationWith) await recomputeHead(this.db, gone.conversationWith);
    });
  }
  async listMessages(options: ListMessagesOptions = {}) {
    const limit = options.limit ?? Infinity;
    const { kind, conversationWith } = options;
    // `before` is exclusive: the upper bound of the index range, not included.
    const upper = options.before ?? Dexie.maxKey;
    const open = options.before === undefined;
    // Newest first straight from the compound indexes: the feed never sorts in memory.
    const collection =
      kind !== undefined && conversationWith === undefined
        ? this.db.messages
            .where('[kind+receivedAt]')
            .between([kind, Dexie.minKey], [kind, upper], true, open)
            .reverse()
        : conversationWith !== undefined
          ? this.db.messages
              .where('[conversationWith+receivedAt]')
              .between([conversationWith, Dexie.minKey], [conversationWith, upper], true, open)
              .reverse()
          : this.db.messages.where('receivedAt').below(upper).reverse();
    const filtered =
      kind !== undefined && conversationWith !== undefined
        ? collection.filter((m) => m.kind === kind)
        : collection;
    return Number.isFinite(limit) ? filtered.limit(limit).toArray() : filtered.toArray();
  }

  /** From the chats list's own index (store/conversation-heads.ts): two reads for any number. */
  conversationHeads(conversations: readonly ConversationRead[], countUpTo: number) {
    return readHeads(this.db, conversations, countUpTo);
  }

  async putOutbox(entry: OutboxEntry) {
    await this.db.outbox.put(entry);
  }
  getOutbox(id: string) {
    return this.db.outbox.get(id);
  }
  listOutbox() {
    return this.db.outbox.orderBy('createdAt').toArray();
  }
  async deleteOutbox(id: string) {
    await this.db.outbox.delete(id);
  }

  async putRelayCopy(copy: RelayCopy) {
    await this.db.transaction('rw', this.db.relay, this.db.settings, async () => {
      const old = await this.db.relay.get(copy.id);
      await this.db.relay.put(copy);
      await this.addRelayBytes(copy.size - (old?.size ?? 0));
    });
  }
  getRelayCopy(id: string) {
    return this.db.relay.get(id);
  }
  listRelayCopies() {
    return this.db.relay.orderBy('receivedAt').toArray();
  }
  async deleteRelayCopy(id: string) {
    await this.db.transaction('rw', this.db.relay, this.db.settings, async () => {
      const old = await this.db.relay.get(id);
      if (!old) return;
      await this.db.relay.delete(id);
      await this.addRelayBytes(-old.size);
    });
  }
  async relayBytes() {
    return ((await this.db.settings.get(RELAY_BYTES))?.value as number | undefined) ?? 0;
  }
  private async addRelayBytes(delta: number) {
    await this.db.settings.put({ key: RELAY_BYTES, value: (await this.relayBytes()) + delta });
  }

  async knownIds(ids: readonly string[]) {
    const { seen, relay, outbox, messages } = this.db;
    if (ids.length === 0) return new Set<string>();
    const found = await this.db.transaction('r', [seen, relay, outbox, messages], () =>
      Promise.all(
        [seen, relay, outbox, messages].map((table) => table.where(':id').anyOf(ids).primaryKeys()),
      ),
    );
    return new Set<string>(found.flat());
  }

  async putReceipt(receipt: ReceiptRecord) {
    await this.db.receipts.put(receipt);
  }
  getReceipt(key: string) {
    return this.db.receipts.get(key);
  }
  listReceipts() {
    return this.db.receipts.toArray();
  }
  async deleteReceipt(key: string) {
    await this.db.receipts.delete(key);
  }

  async putSeen(record: SeenRecord) {
    await this.db.seen.put(record);
  }
  getSeen(id: string) {
    return this.db.seen.get(id);
  }
  async deleteSeen(id: string) {
    await this.db.seen.delete(id);
  }
  listSeen() {
    return this.db.seen.toArray();
  }

  async getRelayPolicy() {
    return (
      ((await this.db.settings.get(RELAY_POLICY))?.value as RelayPolicy | undefined) ??
      DEFAULT_RELAY_POLICY
    );
  }
  async putRelayPolicy(policy: RelayPolicy) {
    await this.db.settings.put({ key: RELAY_POLICY, value: policy });
  }

  async getIdentity() {
    return (await this.db.settings.get(IDENTITY))?.value as IdentityRecord | undefined;
  }
  async putIdentity(identity: IdentityRecord) {
    await this.db.settings.put({ key: IDENTITY, value: identity });
  }

  async putContact(contact: ContactRecord) {
    await this.db.contacts.put(contact);
  }
  getContact(fingerprint: string) {
    return this.db.contacts.get(fingerprint);
  }
  async listContacts() {
    return [...(await this.contacts())];
  }
  async deleteContact(fingerprint: string) {
    await this.db.contacts.delete(fingerprint);
  }
}
