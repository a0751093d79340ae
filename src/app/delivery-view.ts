/**
 * How far one of the user's own messages got, in people rather than counts: whom it still waits
 * for (offline), how many it is on its way to (online now), and which friends carry it for the
 * offline ones — so a chat can say "Waiting for Cat to come online · Ben is carrying it".
 */
import { outboxStatus } from '../core/node/outbox-status';
import type { OutboxEntry } from '../core/state/records';
import type { DeliveryView } from '../messaging/views';

export function deliveryView(
  entry: OutboxEntry,
  nowSeconds: number,
  names: ReadonlyMap<string, string>,
  online: ReadonlySet<string>,
): DeliveryView {
  const status = outboxStatus(entry, nowSeconds);
  const pending = entry.recipients.filter((r) => r.state !== 'delivered');
  const recipients = new Set(entry.recipients.map((r) => r.fingerprintHex));
  const nameOf = (fingerprint: string) => names.get(fingerprint) ?? '?';
  return {
    ...status,
    waitingFor: pending
      .filter((r) => !online.has(r.fingerprintHex))
      .map((r) => nameOf(r.fingerprintHex)),
    sending: pending.filter((r) => online.has(r.fingerprintHex)).length,
    carriedBy: entry.heldBy.filter((fp) => !recipients.has(fp)).map(nameOf),
  };
}
