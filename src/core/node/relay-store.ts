/**
 * Keeping foreign copies within the user's relay policy: expired copies go, and when the quota
 * is full copies make room — never the user's own outbox.
 *
 * Each friend has a fair share of the quota (quota ÷ friends). A friend may use more while
 * there is room, but when the quota is full the room comes from the copies of whoever is over
 * their share — the newcomer's own oldest first if it is the one over — never from a friend
 * within theirs. So one friend flooding the relay with junk evicts only their own junk.
 */
import type { RelayCopy, RelayPolicy } from '../state/records';
import type { NodeStore } from '../state/store-port';
import { relayDecision } from './relay-decision';
import type { EnvelopeId } from '../envelope/envelope-id';

/** Stores a copy, evicting within the shares of friends over theirs. False if it cannot fit. */
export async function storeWithinQuota(
  store: NodeStore,
  copy: RelayCopy,
  policy: RelayPolicy,
  friendCount: number,
): Promise<boolean> {
  let used = await store.relayBytes();
  if (used + copy.size > policy.quotaBytes) {
    const share = policy.quotaBytes / Math.max(1, friendCount);
    const held = (await store.listRelayCopies()).filter((c) => c.id !== copy.id);
    const usage = new Map<string, number>();
    for (const c of held) usage.set(c.fromPeer, (usage.get(c.fromPeer) ?? 0) + c.size);
    usage.set(copy.fromPeer, (usage.get(copy.fromPeer) ?? 0) + copy.size);
    const evicted = new Set<EnvelopeId>();
    while (used + copy.size > policy.quotaBytes) {
      const victim = nextVictim(held, evicted, usage, share, copy.fromPeer);
      if (!victim) return false; // only friends within their share hold the rest
      evicted.add(victim.id);
      usage.set(victim.fromPeer, (usage.get(victim.fromPeer) ?? 0) - victim.size);
      used -= victim.size;
    }
    for (const id of evicted) await store.deleteRelayCopy(id);
  }
  await store.putRelayCopy(copy);
  return true;
}

/**
 * The oldest copy of the friend furthest over their share: the newcomer's own first when it is
 * over (it pays for its own flood), else whoever is most over. None when nobody is over.
 */
function nextVictim(
  held: readonly RelayCopy[],
  evicted: ReadonlySet<EnvelopeId>,
  usage: ReadonlyMap<string, number>,
  share: number,
  newcomer: string,
): RelayCopy | null {
  const over = (peer: string) => (usage.get(peer) ?? 0) - share;
  // listRelayCopies is oldest first.
  const oldestOf = (peer: string) =>
    held.find((c) => c.fromPeer === peer && !evicted.has(c.id)) ?? null;
  const own = over(newcomer) > 0 ? oldestOf(newcomer) : null;
  if (own) return own;
  let target: string | null = null;
  for (const [peer] of usage)
    if (peer !== newcomer && over(peer) > 0 && (target === null || over(peer) > over(target)))
      target = peer;
  return target === null ? null : oldestOf(target);
}

/** Deletes expired copies; returns how many bytes were recovered. */
export async function dropExpiredCopies(store: NodeStore, nowSeconds: number): Promise<number> {
  let freed = 0;
  for (const copy of await store.listRelayCopies()) {
    const verdict = relayDecision({ kind: 'aging', dropAt: copy.dropAt, now: nowSeconds });
    if (verdict.act !== 'drop') continue;
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
