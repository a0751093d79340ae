/** What the sender sees of a message: queued, held by N friends, delivered, or expired. */
import type { OutboxEntry } from '../state/records';
import type { EnvelopeId } from '../envelope/envelope-id';

export type OutboxState = 'queued' | 'held' | 'delivered' | 'expired';

export interface OutboxStatus {
  id: EnvelopeId;
  state: OutboxState;
  /** Friends holding a copy who are not recipients (relays). */
  heldBy: number;
  delivered: number;
  recipients: number;
}

export function outboxStatus(entry: OutboxEntry, nowSeconds: number): OutboxStatus {
  const delivered = entry.recipients.filter((r) => r.state === 'delivered').length;
  const recipients = new Set(entry.recipients.map((r) => r.fingerprintHex));
  const relays = entry.heldBy.filter((fp) => !recipients.has(fp)).length;
  const state: OutboxState =
    delivered === entry.recipients.length
      ? 'delivered'
      : entry.expiresAt < nowSeconds
        ? 'expired'
        : relays > 0 || delivered > 0
          ? 'held'
          : 'queued';
  return { id: entry.id, state, heldBy: relays, delivered, recipients: entry.recipients.length };
}
