/**
 * Delivery receipts: (envelope id, slot, token). A relay checks the token against the slot's
 * commitment and drops its copy once every slot is delivered; the sender checks it against the
 * token it can compute for that recipient and marks them delivered. Receipts travel along the
 * copy's path: back toward the sender (the friend a copy came from) and on to every friend that
 * took from us a copy it may pass on (holders.ts). Not to friends that had the copy from
 * elsewhere (they are on another path), nor to those holding it with no hops left (they drop
 * it once each of their friends has answered its offer). Pushing to every holder sent each
 * receipt over most friendships between holders: 25 times as many receipts in the simulator.
 */
import { bytesEqual, fromHex } from '../bytes';
import { expiresAtOf, headerPrefix, nonceOf, slotCountOf } from '../envelope/format';
import { verifyReceiptToken } from '../envelope/receipts';
import { receiptTokenFor } from '../envelope/pairwise';
import type { Friend } from '../keyring';
import type { ReceiptRecord, RelayCopy } from '../state/records';
import type { ReceiptEntry } from '../sync/frames';
import { addOnce, type NodeContext } from './context';
import { receiptKey, type ReceiptKey } from '../state/receipt-key';
import { everyFriendAnswered, relayDecision } from './relay-decision';
import { envelopeIdFromBytes, type EnvelopeId } from '../envelope/envelope-id';
import type { Fingerprint } from '../identity/fingerprint';

/** Friends a receipt for `id` should reach. */
async function audienceOf(ctx: NodeContext, id: EnvelopeId): Promise<Set<Fingerprint>> {
  const out = new Set<Fingerprint>();
  const seen = await ctx.store.getSeen(id);
  if (seen?.sender) out.add(seen.sender);
  if (seen?.deliveredBy) out.add(seen.deliveredBy);
  for (const p of seen?.notify ?? []) out.add(p);
  // Receipts go back along the path the copy took from us (downstream).
  const copy = await ctx.store.getRelayCopy(id);
  if (copy) {
    out.add(copy.fromPeer);
    for (const p of copy.downstream) out.add(p);
  }
  const entry = await ctx.store.getOutbox(id);
  if (entry) for (const p of entry.downstream) out.add(p);
  return out;
}

/** Keeps the index of receipts still owed in step with a record just written. */
export function trackReceipt(ctx: NodeContext, record: ReceiptRecord): void {
  ctx.receiptsOwed.track(record);
}

export function forgetReceipt(ctx: NodeContext, key: ReceiptKey): void {
  ctx.receiptsOwed.forget(key);
}

async function owedTo(ctx: NodeContext, fp: string): Promise<ReceiptRecord[]> {
  return receiptsOf(ctx, await ctx.receiptsOwed.keysOwedTo(fp, () => ctx.store.listReceipts()));
}

/** Receipts the peer should get and has not acknowledged: all of them, or these (`id:slot`) only. */
export async function receiptsFor(
  ctx: NodeContext,
  peer: Friend,
  only?: readonly ReceiptKey[] | readonly ReceiptRecord[],
): Promise<ReceiptEntry[]> {
  const out: ReceiptEntry[] = [];
  const fp = peer.fingerprintHex;
  // Records just written are passed as they are: no store round trip per connected friend.
  const candidates = !only
    ? await owedTo(ctx, fp)
    : only.every((k): k is ReceiptKey => typeof k === 'string')
      ? await receiptsOf(ctx, only)
      : only;
  for (const r of candidates) {
    if (r.sentTo.includes(fp) || !r.audience.includes(fp)) continue;
    out.push({ id: fromHex(r.id), slot: r.slot, token: r.token });
  }
  return out;
}

async function receiptsOf(ctx: NodeContext, keys: readonly ReceiptKey[]): Promise<ReceiptRecord[]> {
  const out: ReceiptRecord[] = [];
  for (const key of keys) {
    const r = await ctx.store.getReceipt(key);
    if (r) out.push(r);
  }
  return out;
}

/** A friend now holds a copy of `id`: receipts for it should reach that friend too. */
export async function widenAudience(
  ctx: NodeContext,
  id: EnvelopeId,
  slots: readonly number[],
  peer: Fingerprint,
): Promise<void> {
  for (const slot of slots) {
    const r = await ctx.store.getReceipt(receiptKey(id, slot));
    if (r && addOnce(r.audience, peer)) {
      await ctx.store.putReceipt(r);
      if (!r.sentTo.includes(peer)) ctx.receiptsOwed.owed(peer, r.key);
    }
  }
}

/** The peer persisted these receipts: stop sending them to it. */
export async function receiptsAcknowledged(
  ctx: NodeContext,
  peer: Friend,
  entries: { id: EnvelopeId; slot: number }[],
): Promise<void> {
  for (const { id, slot } of entries) {
    const record = await ctx.store.getReceipt(receiptKey(id, slot));
    if (record && addOnce(record.sentTo, peer.fingerprintHex)) {
      await ctx.store.putReceipt(record);
      ctx.receiptsOwed.settled(peer.fingerprintHex, record.key);
    }
  }
}

/**
 * Verifies and applies receipts; returns the ones that were new here (to pass on).
 * Order matters for crash safety: verify (read-only), persist the receipt, then apply it. A
 * receipt that arrives again (the peer re-sends until we acknowledge) is applied again, which
 * is harmless, so a crash between persisting and applying is repaired.
 */
export async function acceptReceipts(
  ctx: NodeContext,
  peer: Friend,
  entries: ReceiptEntry[],
): Promise<ReceiptRecord[]> {
  const fresh: ReceiptRecord[] = [];
  for (const entry of entries) {
    const id = envelopeIdFromBytes(entry.id);
    const key = receiptKey(id, entry.slot);
    const expiresAt = await verifyReceipt(ctx, id, entry);
    if (expiresAt === null) continue; // unknown id or a forged token: ignore it
    const known = await ctx.store.getReceipt(key);
    const record: ReceiptRecord = known ?? {
      key,
      id,
      slot: entry.slot,
      token: entry.token,
      expiresAt,
      audience: [...(await audienceOf(ctx, id))],
      sentTo: [],
    };
    if (!known) {
      record.sentTo.push(peer.fingerprintHex);
      await ctx.store.putReceipt(record);
      trackReceipt(ctx, record);
    } else if (addOnce(record.sentTo, peer.fingerprintHex)) {
      await ctx.store.putReceipt(record);
      ctx.receiptsOwed.settled(peer.fingerprintHex, key);
    }
    await applyReceipt(ctx, id, entry.slot);
    if (!known) fresh.push(record);
  }
  return fresh;
}

/** The envelope's expiry if this is a genuine receipt for something we know, else null. */
async function verifyReceipt(
  ctx: NodeContext,
  id: EnvelopeId,
  entry: ReceiptEntry,
): Promise<number | null> {
  const { store } = ctx;
  const outbox = await store.getOutbox(id);
  if (outbox) {
    const recipient = outbox.recipients.find((r) => r.slot === entry.slot);
    const friend = recipient && ctx.keyring.friend(recipient.fingerprintHex);
    const headerBytes = outbox.bytes.length ? outbox.bytes : (await store.getSeen(id))?.header;
    if (!friend || !headerBytes) return null;
    const expected = receiptTokenFor(friend.keys, nonceOf(headerBytes), friend.dirFromMe);
    return bytesEqual(expected, entry.token) ? outbox.expiresAt : null;
  }
  const headerBytes = (await store.getRelayCopy(id))?.bytes ?? (await store.getSeen(id))?.header;
  if (!headerBytes) return null;
  return verifyReceiptToken(headerBytes, entry.slot, entry.token) ? expiresAtOf(headerBytes) : null;
}

/** Applies a verified receipt: idempotent. */
async function applyReceipt(ctx: NodeContext, id: EnvelopeId, slot: number): Promise<void> {
  const { store } = ctx;
  const outbox = await store.getOutbox(id);
  if (outbox) {
    const recipient = outbox.recipients.find((r) => r.slot === slot);
    if (!recipient || recipient.state === 'delivered') return;
    recipient.state = 'delivered';
    if (outbox.recipients.every((r) => r.state === 'delivered')) {
      // Delivered to all: keep the record for the user, keep the header for late receipts, drop the bytes.
      const header = headerPrefix(outbox.bytes).slice();
      await store.putSeen({
        id,
        expiresAt: outbox.expiresAt,
        header,
        sender: null,
        deliveredBy: null,
        notify: outbox.downstream,
      });
      outbox.bytes = new Uint8Array();
    }
    await store.putOutbox(outbox);
    ctx.events.outbox?.(id);
    return;
  }
  const copy = await store.getRelayCopy(id);
  if (!copy) return;
  if (!addOnce(copy.deliveredSlots, slot)) return;
  const verdict = relayDecision({
    kind: 'held',
    everySlotDelivered: copy.deliveredSlots.length >= slotCountOf(copy.bytes),
    everyFriendAnswered: () => everyFriendAnswered(ctx.keyring, copy),
  });
  if (verdict.act === 'drop') await retireCopy(ctx, copy);
  else await store.putRelayCopy(copy);
}

/**
 * A relay copy has done its work: recover the space, remember the id and header until expiry
 * to recognise late copies and pass on late receipts (a copy of the header: a view would keep
 * the whole envelope's bytes alive).
 */
export async function retireCopy(ctx: NodeContext, copy: RelayCopy): Promise<void> {
  const previous = await ctx.store.getSeen(copy.id);
  await ctx.store.putSeen({
    id: copy.id,
    expiresAt: expiresAtOf(copy.bytes),
    header: headerPrefix(copy.bytes).slice(),
    sender: previous?.sender ?? null,
    deliveredBy: previous?.deliveredBy ?? null,
    notify: [copy.fromPeer, ...copy.downstream],
  });
  await ctx.store.deleteRelayCopy(copy.id);
  ctx.events.retired?.(copy.id);
}
