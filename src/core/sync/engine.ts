/** What a session asks of the node it belongs to: every decision and every write. */
import type { Friend } from '../keyring';
import type { RelayPolicy } from '../state/records';
import type { DeclineReason, OfferEntry, ReceiptEntry } from './frames';
import type { EnvelopeId } from '../envelope/envelope-id';

export interface OfferDecision {
  request: Uint8Array[];
  have: Uint8Array[];
  decline: { id: Uint8Array; reason: DeclineReason }[];
}

export type AcceptOutcome = 'taken' | 'retry';

/** How a friend came to hold a copy: it took the body from us (ack), or had it already (have). */
export type HeldHow = 'took-it-from-us' | 'had-it';

export interface SyncEngine {
  policy(): Promise<RelayPolicy>;
  /** What to offer this peer now (nothing it is known to hold or declined). */
  offersFor(peer: Friend, peerPolicy: RelayPolicy): Promise<OfferEntry[]>;
  considerOffers(peer: Friend, entries: OfferEntry[]): Promise<OfferDecision>;
  /** The envelope to send for a request, hops lowered for the hand-off; null if gone. */
  envelopeFor(peer: Friend, id: EnvelopeId): Promise<Uint8Array | null>;
  /**
   * Validates and persists a requested envelope. Throws SessionError if it is bad. Says whether
   * it was taken ('taken': acknowledge it) or is to be tried again later ('retry': no
   * acknowledgement, so the peer offers it again next time — a failure that may be transient).
   */
  acceptEnvelope(peer: Friend, bytes: Uint8Array, requestedId: string): Promise<AcceptOutcome>;
  /** The peer holds these ids: it took the body from us (`ack`) or had it already (`have`). */
  peerHolds(peer: Friend, ids: EnvelopeId[], how: HeldHow): Promise<void>;
  peerDeclined(peer: Friend, entries: { id: EnvelopeId; reason: DeclineReason }[]): Promise<void>;
  /** Receipts this peer should have and has not acknowledged. */
  receiptsFor(peer: Friend): Promise<ReceiptEntry[]>;
  /** Verifies and persists receipts; the session acknowledges them afterwards. */
  acceptReceipts(peer: Friend, entries: ReceiptEntry[]): Promise<void>;
  receiptsAcknowledged(peer: Friend, entries: { id: EnvelopeId; slot: number }[]): Promise<void>;
  /** The session ended with these requested ids never delivered: others may fetch them. */
  requestsAbandoned(ids: EnvelopeId[]): void;
  /** This peer did not send these bodies in time: ask another friend who offered them. */
  requestsOverdue(peer: Friend, ids: EnvelopeId[]): void;
  /** A stranger's friend request on an introduction channel. */
  acceptIntroduction(envelope: Uint8Array): Promise<void>;
}
