/**
 * Friend requests: asking someone whose card we pasted (a sealed friend-request with our card
 * and a few words, handed over on an introduction channel), and answering requests that came
 * to us. Nothing from a stranger is shown but the request itself.
 */
import {
  contactCardFromText,
  contactCardToText,
  decodeContactCard,
  encodeContactCard,
  peerIdOfCard,
  type ContactCard,
} from '../core/identity/contact-card';
import type { Opened } from '../core/envelope/open';
import { seal } from '../core/envelope/seal';
import type { Friend, Keyring } from '../core/keyring';
import { decodeMessage } from '../core/messages/codec';
import type { NodeStore } from '../core/state/store-port';
import type { StoredMessage } from '../core/state/records';
import type { RequestView } from '../messaging/views';

/** A request as stored: what the asker sent (request-checks.ts adds what the user checks). */
export type PendingRequest = Omit<RequestView, 'safetyNumber' | 'inCommon' | 'nameClash'>;
import { REQUEST_KEPT_MS } from '../core/node/introduction';
import type { EnvelopeId } from '../core/envelope/envelope-id';
import { newMessageId } from '../core/messages/message-id';

/** How long an unanswered request waits before it is handed over again. */
export const REQUEST_RESEND_MS = 10 * 60_000;
const REQUEST_TTL_SECONDS = REQUEST_KEPT_MS / 1000;

/** The sealed request to hand to `friend` (who does not know us yet). */
export async function sealRequest(
  keyring: Keyring,
  friend: Friend,
  ourCard: ContactCard,
  introduction: string,
  pairingProof: Uint8Array | null = null,
): Promise<Uint8Array> {
  const sealed = await seal(
    {
      kind: 'friend-request',
      id: newMessageId(),
      createdAt: Date.now(),
      introduction,
      card: encodeContactCard(ourCard),
      pairingProof,
    },
    [friend],
    keyring.me,
    { expiresAt: Math.floor(Date.now() / 1000) + REQUEST_TTL_SECONDS, hopLimit: 0 },
  );
  return sealed.bytes;
}

function requestOf(m: StoredMessage): PendingRequest | null {
  const message = decodeMessage(m.message);
  if (message.kind !== 'friend-request') return null;
  let card: ContactCard;
  try {
    card = decodeContactCard(message.card);
  } catch {
    return null;
  }
  return {
    id: m.id,
    fingerprint: m.authorFingerprint,
    displayName: card.displayName,
    introduction: message.introduction,
    receivedAt: m.receivedAt,
    card: contactCardToText(card),
  };
}

/** Requests from people we have not answered: the newest per person, none past expiry. */
export async function pendingRequests(
  store: NodeStore,
  now = Date.now(),
): Promise<PendingRequest[]> {
  const answered = new Set((await store.listContacts()).map((c) => c.fingerprint));
  const newest = new Map<string, PendingRequest>();
  const since = now - REQUEST_KEPT_MS;
  for (const m of await store.listMessages({ kind: 'friend-request' })) {
    if (m.receivedAt < since) continue;
    if (answered.has(m.authorFingerprint) || newest.has(m.authorFingerprint)) continue;
    const view = requestOf(m);
    if (view) newest.set(m.authorFingerprint, view);
  }
  return [...newest.values()];
}

export async function requestById(
  store: NodeStore,
  id: EnvelopeId,
): Promise<PendingRequest | null> {
  const m = await store.getMessage(id);
  return m ? requestOf(m) : null;
}

/** Declined: stored as such (so they are never announced again), not a friend. */
export async function declineRequest(store: NodeStore, request: PendingRequest): Promise<void> {
  const card = contactCardFromText(request.card);
  await store.putContact({
    fingerprint: request.fingerprint,
    publicKey: card.publicKey,
    displayName: card.displayName,
    peerId: peerIdOfCard(card),
    tracker: card.tracker,
    state: 'declined',
    addedAt: Date.now(),
  });
}

/** A request from someone new is announced; one who was declined or blocked is only stored. */
export async function announceIfNew(
  store: NodeStore,
  opened: Opened,
  announce?: (displayName: string) => void,
): Promise<void> {
  const card = opened.requestCard;
  if (card && !(await store.getContact(opened.senderFingerprintHex))) announce?.(card.displayName);
}
