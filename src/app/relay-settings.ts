/** The user's relay policy, and how much of its quota foreign copies use now. */
import { enforceQuota } from '../core/node/relay-store';
import type { RelayPolicy } from '../core/state/records';
import type { NodeStore } from '../core/state/store-port';
import type { RelayView } from '../messaging/views';

export async function relayView(store: NodeStore): Promise<RelayView> {
  return { ...(await store.getRelayPolicy()), usedBytes: await store.relayBytes() };
}

/** A smaller quota takes effect at once: the oldest foreign copies go first. */
export async function setRelayPolicy(store: NodeStore, policy: RelayPolicy): Promise<RelayView> {
  await store.putRelayPolicy(policy);
  await enforceQuota(store, policy.quotaBytes);
  return relayView(store);
}
