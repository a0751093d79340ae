/**
 * The store port: what the node needs from persistence. Implemented in memory
 * (src/core/state/memory-store.ts) and with Dexie (src/store/). Every write is a
 * single-record operation keyed by id, so the node can make each step idempotent, and
 * persists before it acknowledges anything.
 */
import type {
  ContactRecord,
  IdentityRecord,
  OutboxEntry,
  ReceiptRecord,
  RelayCopy,
  RelayPolicy,
  SeenRecord,
  StoredMessage,
} from './records';
import type { ReceiptKey } from './receipt-key';
import type { Fingerprint } from '../identity/fingerprint';
import type { EnvelopeId } from '../envelope/envelope-id';
import type { ContentKey } from './content-key';
import { CodedError } from '../coded-error';

/**
 * What a store its host has closed (the node is stopping) rejects every call with: work still in
 * flight then ends as expected, not as a fault.
 */
export class StoreClosedError extends CodedError<'store-closed'> {
  override readonly name = 'StoreClosedError';
}

/** Unread counts stop here: the list shows "99+" beyond, and a long-unread chat costs no more. */
export const UNREAD_COUNT_LIMIT = 100;

export interface NodeStore {
  /**
   * Runs `work`, whose writes the store may commit together, with one flush to disk for a
   * frame's worth of them (SQLite) instead of one each. `work` makes them through the store it
   * is given. They are durable once this settles, not before: nothing that promises them to
   * anyone (an acknowledgement to a peer) may happen inside `work`. If `work` fails, a store
   * that groups writes keeps none of them, as a crash would. Writes through this store itself
   * meanwhile wait for the group, so `work` must never wait for them. A store without the means
   * (memory, IndexedDB) just runs `work` on itself.
   */
  writeTogether<T>(work: (store: NodeStore) => Promise<T>): Promise<T>;

  /** Atomically: the user's own copy of what they sent, and its outbox entry. */
  putSent(message: StoredMessage, entry: OutboxEntry): Promise<void>;
  /** Atomically: a message delivered to this user, its receipt token, and its seen marker. */
  putDelivery(message: StoredMessage, receipt: ReceiptRecord, seen: SeenRecord): Promise<void>;

  putMessage(message: StoredMessage): Promise<void>;
  getMessage(id: EnvelopeId): Promise<StoredMessage | undefined>;
  deleteMessage(id: EnvelopeId): Promise<void>;
  /** Newest first; `before` (a receivedAt) pages back through older ones. */
  listMessages(options?: ListMessagesOptions): Promise<StoredMessage[]>;
  /**
   * The chats list: per conversation, its newest message, and how many of the friend's own
   * arrived after `readAt`, counted no further than `countUpTo` (at most UNREAD_COUNT_LIMIT: a
   * store may keep no more arrivals than that).
   */
  conversationHeads(
    conversations: readonly ConversationRead[],
    countUpTo: number,
  ): Promise<ConversationHead[]>;

  putOutbox(entry: OutboxEntry): Promise<void>;
  getOutbox(id: EnvelopeId): Promise<OutboxEntry | undefined>;
  listOutbox(): Promise<OutboxEntry[]>;
  deleteOutbox(id: EnvelopeId): Promise<void>;

  putRelayCopy(copy: RelayCopy): Promise<void>;
  getRelayCopy(id: EnvelopeId): Promise<RelayCopy | undefined>;
  /** Oldest first (by receivedAt): eviction order. */
  listRelayCopies(): Promise<RelayCopy[]>;
  deleteRelayCopy(id: EnvelopeId): Promise<void>;
  relayBytes(): Promise<number>;

  putReceipt(receipt: ReceiptRecord): Promise<void>;
  getReceipt(key: ReceiptKey): Promise<ReceiptRecord | undefined>;
  listReceipts(): Promise<ReceiptRecord[]>;
  deleteReceipt(key: ReceiptKey): Promise<void>;

  putSeen(record: SeenRecord): Promise<void>;
  getSeen(id: EnvelopeId | ContentKey): Promise<SeenRecord | undefined>;
  deleteSeen(id: EnvelopeId | ContentKey): Promise<void>;
  listSeen(): Promise<SeenRecord[]>;

  /**
   * Which of these ids this node has or is done with: a seen marker, a relay copy, an outbox
   * entry or a stored message. One read for a whole offer (IndexedDB: one transaction, keys only,
   * instead of four reads per id).
   */
  knownIds(ids: readonly EnvelopeId[]): Promise<Set<string>>;

  getRelayPolicy(): Promise<RelayPolicy>;
  putRelayPolicy(policy: RelayPolicy): Promise<void>;

  getIdentity(): Promise<IdentityRecord | undefined>;
  putIdentity(identity: IdentityRecord): Promise<void>;

  putContact(contact: ContactRecord): Promise<void>;
  getContact(fingerprint: Fingerprint): Promise<ContactRecord | undefined>;
  listContacts(): Promise<ContactRecord[]>;
  deleteContact(fingerprint: Fingerprint): Promise<void>;
}

export interface ConversationRead {
  with: Fingerprint;
  /** When the user last read it (ms); 0 if never. */
  readAt: number;
}

export interface ConversationHead {
  with: Fingerprint;
  last: StoredMessage | null;
  unread: number;
}

export interface ListMessagesOptions {
  kind?: string;
  conversationWith?: string;
  limit?: number;
  /** Only messages received strictly before this time (ms). */
  before?: number;
}
