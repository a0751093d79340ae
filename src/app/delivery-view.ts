/**
 * How far one of the user's own messages got, in people rather than counts: whom it still waits
 * for (offline), how many it is on its way to (online now), which friends carry it for the
 * offline ones, and whose Murmur home holds it — so a chat can say "Waiting for Cat to come
 * online · Ben is carrying it", or "Waiting at Cat's home" (it reaches her browser when she
 * starts it, whoever else is online then).
 */
import { outboxStatus } from '../core/node/outbox-status';
import type { OutboxEntry } from '../core/state/records';
import type { DeliveryView } from '../messaging/views';
import type { Fingerprint } from '../core/identity/fingerprint';

export function deliveryView(
  entry: OutboxEntry,
  nowSeconds: number,
  names: ReadonlyMap<string, string>,
  online: ReadonlySet<string>,
  /** Murmur homes among the contacts: each home's fingerprint → its owner's. */
  homes: ReadonlyMap<Fingerprint, Fingerprint> = new Map(),
): DeliveryView {
  const status = outboxStatus(entry, nowSeconds);
  const recipients = new Set(entry.recipients.map((r) => r.fingerprintHex));
  const nameOf = (fingerprint: string) => names.get(fingerprint) ?? '?';
  const ownersOfHomesHoldingIt = new Set(
    entry.heldBy.flatMap((fp) => {
      const owner = homes.get(fp);
      return owner ? [owner] : [];
    }),
  );
  const pending = entry.recipients.filter((r) => r.state !== 'delivered');
  const atTheirHome = pending.filter((r) => ownersOfHomesHoldingIt.has(r.fingerprintHex));
  const elsewhere = pending.filter((r) => !ownersOfHomesHoldingIt.has(r.fingerprintHex));
  return {
    ...status,
    waitingFor: elsewhere
      .filter((r) => !online.has(r.fingerprintHex))
      .map((r) => nameOf(r.fingerprintHex)),
    sending: elsewhere.filter((r) => online.has(r.fingerprintHex)).length,
    atTheirHome: atTheirHome.map((r) => nameOf(r.fingerprintHex)),
    // A home takes only its owner's traffic: one holding this, for no recipient, is the user's.
    atMyHome: [...ownersOfHomesHoldingIt].some((owner) => !recipients.has(owner)),
    carriedBy: entry.heldBy.filter((fp) => !recipients.has(fp) && !homes.has(fp)).map(nameOf),
  };
}
