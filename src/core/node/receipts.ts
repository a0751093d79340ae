/**
 * Delivery receipts: (envelope id, slot, token). A relay checks the token against the slot's
 * commitment and drops its copy once every slot is delivered; the sender checks it against the
 * token it can compute for that recipient and marks them delivered. Receipts travel back toward
 * the sender (the friend a copy came from) and to every friend known to hold a copy.
 */
import { bytesEqual, fromHex, toHex } from '../bytes';
import { decodeWith } from '../codec/decode-error';
import { decodeHeader, encodeHeader } from '../envelope/format';
import { receiptTokenFor } from '../envelope/pairwise';
import { verifyReceiptToken } from '../envelope/receipts';
import type { Friend } from '../keyring';
import type { ReceiptRecord } from '../store/records';
import type { ReceiptEntry } from '../sync/frames';
import { addOnce, type NodeContext } from './context';

/** Friends a receipt for `id` should reach. */
async function audienceOf(ctx: NodeContext, id: string): Promise<Set<string>> {
  const out = new Set<string>();
  const seen = await ctx.store.getSeen(id);
  if (seen?.sender) out.add(seen.sender);
  if (seen?.deliveredBy) out.add(seen.deliveredBy);
  for (const p of seen?.notify ?? []) out.add(p);
  const copy = await ctx.store.getRelayCopy(id);
  if (copy) {
    out.add(copy.fromPeer);
    for (const p of copy.heldBy) out.add(p);
  }
  const entry = await ctx.store.getOutbox(id);
  if (entry) for (const p of entry.heldBy) out.add(p);
  return out;
}

export async function receiptsFor(ctx: NodeContext, peer: Friend): Promise<ReceiptEntry[]> {
  const out: ReceiptEntry[] = [];
  for (const r of await ctx.store.listReceipts()) {
    if (r.sentTo.includes(peer.fingerprintHex)) continue;
    if (!(await audienceOf(ctx, r.id)).has(peer.fingerprintHex)) continue;
    out.push({ id: fromHex(r.id), slot: r.slot, token: r.token });
    r.sentTo.push(peer.fingerprintHex);
    await ctx.store.putReceipt(r);
  }
  return out;
}

/** Verifies and applies receipts; returns the ones that were new here (to pass on). */
export async function acceptReceipts(
  ctx: NodeContext,
  peer: Friend,
  entries: ReceiptEntry[],
): Promise<ReceiptRecord[]> {
  const fresh: ReceiptRecord[] = [];
  for (const entry of entries) {
    const id = toHex(entry.id);
    const key = `${id}:${entry.slot}`;
    const known = await ctx.store.getReceipt(key);
    if (known) {
      if (addOnce(known.sentTo, peer.fingerprintHex)) await ctx.store.putReceipt(known);
      continue;
    }
    const expiresAt = await applyReceipt(ctx, id, entry);
    if (expiresAt === null) continue; // unknown id or a forged token: ignore it
    const record: ReceiptRecord = {
      key,
      id,
      slot: entry.slot,
      token: entry.token,
      expiresAt,
      sentTo: [peer.fingerprintHex],
    };
    await ctx.store.putReceipt(record);
    fresh.push(record);
  }
  return fresh;
}

/** Returns the envelope's expiry if the receipt is genuine and was applied, else null. */
async function applyReceipt(
  ctx: NodeContext,
  id: string,
  entry: ReceiptEntry,
): Promise<number | null> {
  const { store } = ctx;
  const outbox = await store.getOutbox(id);
  if (outbox) {
    const recipient = outbox.recipients.find((r) => r.slot === entry.slot);
    const friend = recipient && ctx.keyring.friend(recipient.fingerprintHex);
    if (!recipient || !friend) return null;
    const header = decodeHeader(
      outbox.bytes.length ? outbox.bytes : (await store.getSeen(id))!.header!,
    ).header;
    const expected = receiptTokenFor(friend.keys, header.nonce, friend.dirFromMe);
    if (!bytesEqual(expected, entry.token)) return null;
    if (recipient.state !== 'delivered') {
      recipient.state = 'delivered';
      if (outbox.recipients.every((r) => r.state === 'delivered')) {
        // Delivered to all: keep the record for the user, drop the bytes.
        await store.putSeen({
          id,
          expiresAt: outbox.expiresAt,
          header: encodeHeader(header),
          sender: null,
          deliveredBy: null,
          notify: outbox.heldBy,
        });
        outbox.bytes = new Uint8Array();
      }
      await store.putOutbox(outbox);
      ctx.events.outbox?.(id);
    }
    return outbox.expiresAt;
  }
  const copy = await store.getRelayCopy(id);
  if (copy) {
    const header = decodeHeader(copy.bytes).header;
    if (!verifyReceiptToken(header, entry.slot, entry.token)) return null;
    if (addOnce(copy.deliveredSlots, entry.slot)) {
      if (copy.deliveredSlots.length >= header.slots.length) {
        // Everyone has it: recover the space, remember the id and header for late receipts.
        const previous = await store.getSeen(id);
        await store.putSeen({
          id,
          expiresAt: header.expiresAt,
          header: encodeHeader(header),
          sender: previous?.sender ?? null,
          deliveredBy: previous?.deliveredBy ?? null,
          notify: [copy.fromPeer, ...copy.heldBy],
        });
        await store.deleteRelayCopy(id);
      } else await store.putRelayCopy(copy);
    }
    return header.expiresAt;
  }
  const seen = await store.getSeen(id);
  if (seen?.header) {
    const parsed = decodeWith(() => decodeHeader(seen.header!).header);
    if (parsed.ok && verifyReceiptToken(parsed.value, entry.slot, entry.token))
      return parsed.value.expiresAt;
  }
  return null;
}
