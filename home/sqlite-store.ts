/**
 * The store port on SQLite: the Murmur home's store, beside the memory store (tests, the
 * simulator) and Dexie (the browsers), and held to the same contract. Every method is one
 * statement, or one transaction where the port promises "atomically"; better-sqlite3 runs them
 * synchronously, so a write is on disk when its promise settles.
 */
import type { EnvelopeId } from '../src/core/envelope/envelope-id';
import type { Fingerprint } from '../src/core/identity/fingerprint';
import type { ContentKey } from '../src/core/state/content-key';
import type { ReceiptKey } from '../src/core/state/receipt-key';
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
} from '../src/core/state/records';
import {
  StoreClosedError,
  type ConversationRead,
  type ListMessagesOptions,
  type NodeStore,
} from '../src/core/state/store-port';
import { recordBytes, recordFrom, type HomeDatabase } from './sqlite-database';
import { statementsOf } from './sqlite-statements';
import { writeGroupsOf, type WriteGroup, type WriteGroups } from './write-groups';

type Row = { record: Buffer };

export class SqliteStore implements NodeStore {
  private readonly statements: ReturnType<typeof statementsOf>;
  private closed = false;
  private readonly groups: WriteGroups;
  /** The group this handle writes in: null for the store itself (see writeTogether). */
  private group: WriteGroup | null = null;
  private readonly sentTogether: (m: StoredMessage, e: OutboxEntry) => void;
  private readonly deliveredTogether: (m: StoredMessage, r: ReceiptRecord, s: SeenRecord) => void;

  constructor(readonly db: HomeDatabase) {
    this.statements = statementsOf(db);
    this.groups = writeGroupsOf(db);
    this.sentTogether = db.transaction((m: StoredMessage, e: OutboxEntry) => {
      this.writeMessage(m);
      this.writeOutbox(e);
    });
    this.deliveredTogether = db.transaction((m: StoredMessage, r: ReceiptRecord, s: SeenRecord) => {
      this.writeMessage(m);
      this.sql.putReceipt.run(r.key, recordBytes(r));
      this.sql.putSeen.run(s.id, recordBytes(s));
    });
  }

  /** The prepared statements, while the store is open. */
  private get sql(): ReturnType<typeof statementsOf> {
    if (this.closed) throw new StoreClosedError('store-closed', 'the home is stopping');
    return this.statements;
  }

  /** Closes the database: every call after this rejects with StoreClosedError. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }

  private writeMessage(m: StoredMessage): void {
    this.sql.putMessage.run(
      m.id,
      m.kind,
      m.conversationWith,
      m.authorFingerprint,
      m.receivedAt,
      recordBytes(m),
    );
  }

  private writeOutbox(e: OutboxEntry): void {
    this.sql.putOutbox.run(e.id, e.createdAt, recordBytes(e));
  }

  private one<T>(row: unknown): T | undefined {
    return row === undefined ? undefined : recordFrom<T>((row as Row).record);
  }

  private all<T>(rows: unknown[]): T[] {
    return rows.map((row) => recordFrom<T>((row as Row).record));
  }

  async writeTogether<T>(work: (store: NodeStore) => Promise<T>): Promise<T> {
    void this.sql; // refuses once closed, before the group begins
    if (this.group) return work(this); // already in a group: it is one
    return this.groups.together((group) => work(this.inGroup(group)));
  }

  /** This store as the group's handle: its writes go into the group's transaction. */
  private inGroup(group: WriteGroup): SqliteStore {
    const view = Object.create(this) as SqliteStore;
    view.group = group;
    return view;
  }

  async putSent(m: StoredMessage, e: OutboxEntry) {
    await this.groups.turn(this.group);
    void this.sql; // refuses once closed, before the transaction begins
    this.sentTogether(m, e);
  }
  async putDelivery(m: StoredMessage, r: ReceiptRecord, s: SeenRecord) {
    await this.groups.turn(this.group);
    void this.sql;
    this.deliveredTogether(m, r, s);
  }

  async putMessage(m: StoredMessage) {
    await this.groups.turn(this.group);
    this.writeMessage(m);
  }
  async getMessage(id: EnvelopeId) {
    return this.one<StoredMessage>(this.sql.getMessage.get(id));
  }
  async deleteMessage(id: EnvelopeId) {
    await this.groups.turn(this.group);
    this.sql.deleteMessage.run(id);
  }
  async listMessages(options: ListMessagesOptions = {}) {
    const rows = this.sql.listMessages.all({
      kind: options.kind ?? null,
      conversation: options.conversationWith ?? null,
      before: options.before ?? null,
      limit: options.limit ?? -1,
    });
    return this.all<StoredMessage>(rows);
  }

  async conversationHeads(conversations: readonly ConversationRead[], countUpTo: number) {
    return conversations.map(({ with: fp, readAt }) => {
      const last = this.one<StoredMessage>(this.sql.lastOfConversation.get(fp)) ?? null;
      const counted = this.sql.unreadOfConversation.get(fp, readAt, fp, countUpTo) as {
        unread: number;
      };
      return { with: fp, last, unread: counted.unread };
    });
  }

  async putOutbox(e: OutboxEntry) {
    await this.groups.turn(this.group);
    this.writeOutbox(e);
  }
  async getOutbox(id: EnvelopeId) {
    return this.one<OutboxEntry>(this.sql.getOutbox.get(id));
  }
  async listOutbox() {
    return this.all<OutboxEntry>(this.sql.listOutbox.all());
  }
  async deleteOutbox(id: EnvelopeId) {
    await this.groups.turn(this.group);
    this.sql.deleteOutbox.run(id);
  }

  async putRelayCopy(c: RelayCopy) {
    await this.groups.turn(this.group);
    this.sql.putRelay.run(c.id, c.receivedAt, c.size, recordBytes(c));
  }
  async getRelayCopy(id: EnvelopeId) {
    return this.one<RelayCopy>(this.sql.getRelay.get(id));
  }
  async listRelayCopies() {
    return this.all<RelayCopy>(this.sql.listRelay.all());
  }
  async deleteRelayCopy(id: EnvelopeId) {
    await this.groups.turn(this.group);
    this.sql.deleteRelay.run(id);
  }
  async relayBytes() {
    return (this.sql.relayBytes.get() as { total: number }).total;
  }

  async putReceipt(r: ReceiptRecord) {
    await this.groups.turn(this.group);
    this.sql.putReceipt.run(r.key, recordBytes(r));
  }
  async getReceipt(key: ReceiptKey) {
    return this.one<ReceiptRecord>(this.sql.getReceipt.get(key));
  }
  async listReceipts() {
    return this.all<ReceiptRecord>(this.sql.listReceipts.all());
  }
  async deleteReceipt(key: ReceiptKey) {
    await this.groups.turn(this.group);
    this.sql.deleteReceipt.run(key);
  }

  async putSeen(s: SeenRecord) {
    await this.groups.turn(this.group);
    this.sql.putSeen.run(s.id, recordBytes(s));
  }
  async getSeen(id: EnvelopeId | ContentKey) {
    return this.one<SeenRecord>(this.sql.getSeen.get(id));
  }
  async deleteSeen(id: EnvelopeId | ContentKey) {
    await this.groups.turn(this.group);
    this.sql.deleteSeen.run(id);
  }
  async listSeen() {
    return this.all<SeenRecord>(this.sql.listSeen.all());
  }

  async knownIds(ids: readonly EnvelopeId[]) {
    return new Set(ids.filter((id) => this.sql.known.get({ id }) !== undefined));
  }

  async getRelayPolicy() {
    return this.one<RelayPolicy>(this.sql.getSingleton.get('relayPolicy')) ?? DEFAULT_RELAY_POLICY;
  }
  async putRelayPolicy(policy: RelayPolicy) {
    await this.groups.turn(this.group);
    this.sql.putSingleton.run('relayPolicy', recordBytes(policy));
  }

  async getIdentity() {
    return this.one<IdentityRecord>(this.sql.getSingleton.get('identity'));
  }
  async putIdentity(identity: IdentityRecord) {
    await this.groups.turn(this.group);
    this.sql.putSingleton.run('identity', recordBytes(identity));
  }

  async putContact(c: ContactRecord) {
    await this.groups.turn(this.group);
    this.sql.putContact.run(c.fingerprint, c.addedAt, recordBytes(c));
  }
  async getContact(fingerprint: Fingerprint) {
    return this.one<ContactRecord>(this.sql.getContact.get(fingerprint));
  }
  async listContacts() {
    return this.all<ContactRecord>(this.sql.listContacts.all());
  }
  async deleteContact(fingerprint: Fingerprint) {
    await this.groups.turn(this.group);
    this.sql.deleteContact.run(fingerprint);
  }
}
