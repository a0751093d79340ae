/**
 * The store port in memory: for tests and the simulator. Records are copied in and out, as a
 * real database would, so no caller can change stored state by mutating an object it holds.
 */
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
} from './records';
import type { ConversationRead, ListMessagesOptions, NodeStore } from './store-port';
import type { EnvelopeId } from '../envelope/envelope-id';

/**
 * Copies a record's plain objects and arrays. Byte arrays (envelopes, keys, tokens) are shared:
 * every part of Murmur treats stored bytes as immutable and makes new arrays to change them
 * (e.g. withHopsLeft). Copying envelope bytes on every read dominated simulations.
 */
function deepCopy<T>(value: T): T {
  if (value instanceof Uint8Array) return value;
  if (Array.isArray(value)) return value.map(deepCopy) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = deepCopy(v);
    return out as T;
  }
  return value;
}

export interface MemoryStoreOptions {
  /**
   * Copy records in and out, as a database would (default). The simulator turns this off: it
   * never keeps a record it handed back, and copying dominated its run time.
   */
  copyRecords?: boolean;
}

export class MemoryStore implements NodeStore {
  private readonly copy: <T>(value: T) => T;

  constructor(options: MemoryStoreOptions = {}) {
    this.copy = options.copyRecords === false ? (v) => v : deepCopy;
  }

  private readonly messages = new Map<string, StoredMessage>();
  private readonly outbox = new Map<string, OutboxEntry>();
  private readonly relay = new Map<string, RelayCopy>();
  private readonly receipts = new Map<string, ReceiptRecord>();
  private readonly seen = new Map<string, SeenRecord>();
  private policy: RelayPolicy = DEFAULT_RELAY_POLICY;
  private identity: IdentityRecord | undefined;
  private readonly contacts = new Map<string, ContactRecord>();
  private relayTotal = 0;
  private relayInOrder = true;
  private lastReceivedAt = -Infinity;

  /** Each write is its own commit here: nothing to group. */
  writeTogether<T>(work: (store: NodeStore) => Promise<T>): Promise<T> {
    return work(this);
  }

  async putSent(m: StoredMessage, e: OutboxEntry) {
    this.messages.set(m.id, this.copy(m));
    this.outbox.set(e.id, this.copy(e));
  }
  async putDelivery(m: StoredMessage, r: ReceiptRecord, s: SeenRecord) {
    this.messages.set(m.id, this.copy(m));
    this.receipts.set(r.key, this.copy(r));
    this.seen.set(s.id, this.copy(s));
  }

  async putMessage(m: StoredMessage) {
    this.messages.set(m.id, this.copy(m));
  }
  async getMessage(id: EnvelopeId) {
    const m = this.messages.get(id);
    return m && this.copy(m);
  }
  async deleteMessage(id: EnvelopeId) {
    this.messages.delete(id);
  }
  async listMessages(options: ListMessagesOptions = {}) {
    return [...this.messages.values()]
      .filter(
        (m) =>
          (options.kind === undefined || m.kind === options.kind) &&
          (options.conversationWith === undefined ||
            m.conversationWith === options.conversationWith) &&
          (options.before === undefined || m.receivedAt < options.before),
      )
      .sort((a, b) => b.receivedAt - a.receivedAt || (a.id < b.id ? -1 : 1))
      .slice(0, options.limit ?? Infinity)
      .map(this.copy);
  }

  async conversationHeads(conversations: readonly ConversationRead[], countUpTo: number) {
    return Promise.all(
      conversations.map(async ({ with: fp, readAt }) => {
        const messages = await this.listMessages({ conversationWith: fp });
        const theirs = messages.filter((m) => m.receivedAt > readAt && m.authorFingerprint === fp);
        return { with: fp, last: messages[0] ?? null, unread: Math.min(theirs.length, countUpTo) };
      }),
    );
  }

  async putOutbox(e: OutboxEntry) {
    this.outbox.set(e.id, this.copy(e));
  }
  async getOutbox(id: EnvelopeId) {
    const e = this.outbox.get(id);
    return e && this.copy(e);
  }
  async listOutbox() {
    return [...this.outbox.values()].sort((a, b) => a.createdAt - b.createdAt).map(this.copy);
  }
  async deleteOutbox(id: EnvelopeId) {
    this.outbox.delete(id);
  }

  async putRelayCopy(c: RelayCopy) {
    const old = this.relay.get(c.id);
    this.relayTotal += c.size - (old?.size ?? 0);
    // Insertion order is listing order as long as copies arrive in time order (always, in
    // practice): then listing needs no sort, which simulations do once per session. Copies
    // received in the same second list in the order they came.
    if (!old) {
      if (c.receivedAt < this.lastReceivedAt) this.relayInOrder = false;
      else this.lastReceivedAt = c.receivedAt;
    } else if (old.receivedAt !== c.receivedAt) this.relayInOrder = false;
    this.relay.set(c.id, this.copy(c));
  }
  async getRelayCopy(id: EnvelopeId) {
    const c = this.relay.get(id);
    return c && this.copy(c);
  }
  async listRelayCopies() {
    const copies = [...this.relay.values()];
    if (!this.relayInOrder) {
      // Sorted (stable: same-second copies keep their order) and kept so.
      copies.sort((a, b) => a.receivedAt - b.receivedAt);
      this.relay.clear();
      for (const c of copies) this.relay.set(c.id, c);
      this.lastReceivedAt = copies[copies.length - 1]?.receivedAt ?? -Infinity;
      this.relayInOrder = true;
    }
    return copies.map(this.copy);
  }
  async deleteRelayCopy(id: EnvelopeId) {
    this.relayTotal -= this.relay.get(id)?.size ?? 0;
    this.relay.delete(id);
  }
  async relayBytes() {
    return this.relayTotal;
  }

  async putReceipt(r: ReceiptRecord) {
    this.receipts.set(r.key, this.copy(r));
  }
  async getReceipt(key: string) {
    const r = this.receipts.get(key);
    return r && this.copy(r);
  }
  async listReceipts() {
    return [...this.receipts.values()].map(this.copy);
  }
  async deleteReceipt(key: string) {
    this.receipts.delete(key);
  }

  async putSeen(s: SeenRecord) {
    this.seen.set(s.id, this.copy(s));
  }
  async getSeen(id: EnvelopeId) {
    const s = this.seen.get(id);
    return s && this.copy(s);
  }
  async deleteSeen(id: EnvelopeId) {
    this.seen.delete(id);
  }
  async listSeen() {
    return [...this.seen.values()].map(this.copy);
  }

  async knownIds(ids: readonly EnvelopeId[]) {
    return new Set(
      ids.filter(
        (id) =>
          this.seen.has(id) || this.relay.has(id) || this.outbox.has(id) || this.messages.has(id),
      ),
    );
  }

  async getRelayPolicy() {
    return this.copy(this.policy);
  }
  async putRelayPolicy(policy: RelayPolicy) {
    this.policy = this.copy(policy);
  }

  async getIdentity() {
    return this.identity && this.copy(this.identity);
  }
  async putIdentity(identity: IdentityRecord) {
    this.identity = this.copy(identity);
  }

  async putContact(c: ContactRecord) {
    this.contacts.set(c.fingerprint, this.copy(c));
  }
  async getContact(fingerprint: string) {
    const c = this.contacts.get(fingerprint);
    return c && this.copy(c);
  }
  async listContacts() {
    return [...this.contacts.values()].sort((a, b) => a.addedAt - b.addedAt).map(this.copy);
  }
  async deleteContact(fingerprint: string) {
    this.contacts.delete(fingerprint);
  }
}
