/**
 * Keeping foreign copies within the user's relay policy: expired copies go, and when the quota
 * is full the oldest foreign copies make room. The user's own outbox is never touched here.
 */
import type { RelayCopy, RelayPolicy } from '../state/records';
import type { NodeStore } from '../state/store-port';

/** Stores a copy, evicting the oldest others first if needed. False if it cannot fit at all. */
export async function storeWithinQuota(
  store: NodeStore,
  copy: RelayCopy,
  policy: RelayPolicy,
): Promise<boolean> {
  if (copy.size > policy.quotaBytes || copy.size > policy.maxMessageBytes) return false;
  let used = await store.relayBytes();
  if (used + copy.size > policy.quotaBytes) {
    for (const old of await store.listRelayCopies()) {
      if (used + copy.size <= policy.quotaBytes) break;
      if (old.id === copy.id) continue;
      await store.deleteRelayCopy(old.id);
      used -= old.size;
    }
  }
  await store.putRelayCopy(copy);
  return true;
}

/** Deletes expired copies; returns how many bytes were recovered. */
export async function dropExpiredCopies(store: NodeStore, nowSeconds: number): Promise<number> {
  let freed = 0;
  for (const copy of await store.listRelayCopies()) {
    if (copy.dropAt >= nowSeconds) continue;
    await store.deleteRelayCopy(copy.id);
    freed += copy.size;
  }
  return freed;
}

/** After the user lowers the quota: the oldest foreign copies go until the rest fits. */
export async function enforceQuota(store: NodeStore, quotaBytes: number): Promise<number> {
  let used = await store.relayBytes();
  let freed = 0;
  for (const old of await store.listRelayCopies()) {
    if (used <= quotaBytes) break;
    await store.deleteRelayCopy(old.id);
    used -= old.size;
    freed += old.size;
  }
  return freed;
}
