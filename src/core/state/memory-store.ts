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
import type { NodeStore } from './store-port';

const copy = <T>(value: T): T => structuredClone(value);

export class MemoryStore implements NodeStore {
  private readonly messages = new Map<string, StoredMessage>();
  private readonly outbox = new Map<string, OutboxEntry>();
  private readonly relay = new Map<string, RelayCopy>();
  private readonly receipts = new Map<string, ReceiptRecord>();
  private readonly seen = new Map<string, SeenRecord>();
  private policy: RelayPolicy = DEFAULT_RELAY_POLICY;
  private identity: IdentityRecord | undefined;
  private readonly contacts = new Map<string, ContactRecord>();
  private relayTotal = 0;

  async putSent(m: StoredMessage, e: OutboxEntry) {
    this.messages.set(m.id, copy(m));
    this.outbox.set(e.id, copy(e));
  }
  async putDelivery(m: StoredMessage, r: ReceiptRecord, s: SeenRecord) {
    this.messages.set(m.id, copy(m));
    this.receipts.set(r.key, copy(r));
    this.seen.set(s.id, copy(s));
  }

  async putMessage(m: StoredMessage) {
    this.messages.set(m.id, copy(m));
  }
  async getMessage(id: string) {
    const m = this.messages.get(id);
    return m && copy(m);
  }
  async listMessages(options: { kind?: string; conversationWith?: string; limit?: number } = {}) {
    return [...this.messages.values()]
      .filter(
        (m) =>
          (options.kind === undefined || m.kind === options.kind) &&
          (options.conversationWith === undefined ||
            m.conversationWith === options.conversationWith),
      )
      .sort((a, b) => b.receivedAt - a.receivedAt || (a.id < b.id ? -1 : 1))
      .slice(0, options.limit ?? Infinity)
      .map(copy);
  }

  async putOutbox(e: OutboxEntry) {
    this.outbox.set(e.id, copy(e));
  }
  async getOutbox(id: string) {
    const e = this.outbox.get(id);
    return e && copy(e);
  }
  async listOutbox() {
    return [...this.outbox.values()].sort((a, b) => a.createdAt - b.createdAt).map(copy);
  }
  async deleteOutbox(id: string) {
    this.outbox.delete(id);
  }

  async putRelayCopy(c: RelayCopy) {
    this.relayTotal += c.size - (this.relay.get(c.id)?.size ?? 0);
    this.relay.set(c.id, copy(c));
  }
  async getRelayCopy(id: string) {
    const c = this.relay.get(id);
    return c && copy(c);
  }
  async listRelayCopies() {
    return [...this.relay.values()]
      .sort((a, b) => a.receivedAt - b.receivedAt || (a.id < b.id ? -1 : 1))
      .map(copy);
  }
  async deleteRelayCopy(id: string) {
    this.relayTotal -= this.relay.get(id)?.size ?? 0;
    this.relay.delete(id);
  }
  async relayBytes() {
    return this.relayTotal;
  }

  async putReceipt(r: ReceiptRecord) {
    this.receipts.set(r.key, copy(r));
  }
  async getReceipt(key: string) {
    const r = this.receipts.get(key);
    return r && copy(r);
  }
  async listReceipts() {
    return [...this.receipts.values()].map(copy);
  }
  async deleteReceipt(key: string) {
    this.receipts.delete(key);
  }

  async putSeen(s: SeenRecord) {
    this.seen.set(s.id, copy(s));
  }
  async getSeen(id: string) {
    const s = this.seen.get(id);
    return s && copy(s);
  }
  async deleteSeen(id: string) {
    this.seen.delete(id);
  }
  async listSeen() {
    return [...this.seen.values()].map(copy);
  }

  async getRelayPolicy() {
    return copy(this.policy);
  }
  async putRelayPolicy(policy: RelayPolicy) {
    this.policy = copy(policy);
  }

  async getIdentity() {
    return this.identity && copy(this.identity);
  }
  async putIdentity(identity: IdentityRecord) {
    this.identity = copy(identity);
  }

  async putContact(c: ContactRecord) {
    this.contacts.set(c.fingerprint, copy(c));
  }
  async getContact(fingerprint: string) {
    const c = this.contacts.get(fingerprint);
    return c && copy(c);
  }
  async listContacts() {
    return [...this.contacts.values()].sort((a, b) => a.addedAt - b.addedAt).map(copy);
  }
  async deleteContact(fingerprint: string) {
    this.contacts.delete(fingerprint);
  }
}
