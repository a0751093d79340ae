/**
 * Who holds what we hold. A friend's answer to an offer — it took the body (`ack`), had it
 * already (`have`), or declined it — is recorded on the outbox entry or relay copy, so nothing is
 * offered twice. Friends that took a copy with hops left from us are its `downstream`: receipts
 * follow them. A friend that took a copy with no hops left can only hand it to recipients, who
 * tell it when they already have the message (their `have` comes with their receipts), so no
 * receipt is pushed to it. And a relay copy every friend has answered for is of no further use
 * here: it is retired like a delivered one (the id and header kept until expiry, for late
 * copies and receipts).
 */
import { hopsLeftOf, slotCountOf } from '../envelope/format';
import type { Friend } from '../keyring';
import type { RelayCopy } from '../state/records';
import { addOnce, type NodeContext } from './context';
import { retireCopy, widenAudience } from './receipts';
import type { HeldHow } from '../sync/engine';
import { everyFriendAnswered, relayDecision } from './relay-decision';
import type { EnvelopeId } from '../envelope/envelope-id';

interface Held {
  bytes: Uint8Array;
  heldBy: string[];
  downstream: string[];
}

/** Records the peer as a holder; true if anything changed. */
function recordHolder(held: Held, fp: string, how: HeldHow): boolean {
  // What we hand on carries one hop fewer than we hold.
  const passesOn = how === 'took-it-from-us' && hopsLeftOf(held.bytes) > 1;
  const holds = addOnce(held.heldBy, fp);
  return (passesOn && addOnce(held.downstream, fp)) || holds;
}

export async function peerHolds(
  ctx: NodeContext,
  peer: Friend,
  ids: EnvelopeId[],
  how: HeldHow,
): Promise<void> {
  const { store } = ctx;
  const fp = peer.fingerprintHex;
  for (const id of ids) {
    const entry = await store.getOutbox(id);
    if (entry && entry.bytes.length > 0 && recordHolder(entry, fp, how)) {
      await store.putOutbox(entry);
      if (entry.downstream.includes(fp)) {
        const delivered = entry.recipients.filter((r) => r.state === 'delivered');
        await widenAudience(
          ctx,
          id,
          delivered.map((r) => r.slot),
          fp,
        );
      }
      ctx.events.outbox?.(id);
    }
    const copy = await store.getRelayCopy(id);
    if (copy && recordHolder(copy, fp, how)) {
      if (copy.downstream.includes(fp)) await widenAudience(ctx, id, copy.deliveredSlots, fp);
      await keepOrRetire(ctx, copy);
    }
  }
}

export async function peerDeclined(
  ctx: NodeContext,
  peer: Friend,
  entries: { id: EnvelopeId }[],
): Promise<void> {
  const { store } = ctx;
  const fp = peer.fingerprintHex;
  for (const { id } of entries) {
    const entry = await store.getOutbox(id);
    if (entry && addOnce(entry.declinedBy, fp)) await store.putOutbox(entry);
    const copy = await store.getRelayCopy(id);
    if (copy && addOnce(copy.declinedBy, fp)) await keepOrRetire(ctx, copy);
  }
}

/** Stores the copy, or retires it when every friend has had its offer answered. */
async function keepOrRetire(ctx: NodeContext, copy: RelayCopy): Promise<void> {
  const verdict = relayDecision({
    kind: 'held',
    everySlotDelivered: copy.deliveredSlots.length >= slotCountOf(copy.bytes),
    everyFriendAnswered: () => everyFriendAnswered(ctx.keyring, copy),
  });
  return verdict.act === 'drop' ? retireCopy(ctx, copy) : ctx.store.putRelayCopy(copy);
}
