/** Records for the store contract: small, valid, and different where a test needs them to be. */
import { randomBytes } from '../../../src/core/bytes';
import type { OutboxEntry, RelayCopy, StoredMessage } from '../../../src/core/state/records';
import type { Fingerprint } from '../../../src/core/identity/fingerprint';
import type { EnvelopeId } from '../../../src/core/envelope/envelope-id';

/** Short ids for readability; the store takes any id it is given. */
export const E = (id: string) => id as EnvelopeId;

export const msg = (
  id: EnvelopeId,
  kind: string,
  receivedAt: number,
  conversationWith: Fingerprint | null = null,
): StoredMessage => ({
  id,
  authorFingerprint: 'a'.repeat(40) as Fingerprint,
  kind,
  message: randomBytes(20),
  conversationWith,
  receivedAt,
  signedData: randomBytes(60),
  signature: randomBytes(90),
});
export const outbox = (id: EnvelopeId, createdAt: number): OutboxEntry => ({
  id,
  bytes: randomBytes(100),
  createdAt,
  expiresAt: 2_000_000_000,
  recipients: [{ fingerprintHex: 'b'.repeat(40) as Fingerprint, slot: 0, state: 'pending' }],
  heldBy: [],
  downstream: [],
  declinedBy: [],
});
export const copyOf = (id: EnvelopeId, size: number, receivedAt: number): RelayCopy => ({
  id,
  bytes: randomBytes(size),
  size,
  receivedAt,
  dropAt: 2_000_000_000,
  hopsLeft: 1,
  fromPeer: 'c'.repeat(40) as Fingerprint,
  heldBy: [],
  downstream: [],
  declinedBy: [],
  deliveredSlots: [],
});
