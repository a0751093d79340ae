/**
 * What expired leaves the store: relay copies (their space recovered), seen ids, receipts, and
 * the bytes of our own expired messages (the entry stays, to show what became of them).
 */
import { dropExpiredCopies } from './relay-store';
import type { NodeContext } from './context';
import { forgetReceipt } from './receipts';

/** Deletes what expired by `now` (Unix seconds); returns the relay bytes recovered. */
export async function purgeExpired(ctx: NodeContext, now: number): Promise<number> {
  const { store } = ctx;
  const freed = await dropExpiredCopies(store, now);
  for (const s of await store.listSeen()) if (s.expiresAt < now) await store.deleteSeen(s.id);
  for (const r of await store.listReceipts())
    if (r.expiresAt < now) {
      await store.deleteReceipt(r.key);
      forgetReceipt(ctx, r.key);
    }
  for (const e of await store.listOutbox())
    if (e.expiresAt < now && e.bytes.length > 0)
      await store.putOutbox({ ...e, bytes: new Uint8Array() });
  return freed;
}
