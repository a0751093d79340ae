import { describe, expect, it } from 'vitest';
import { enforceQuota, storeWithinQuota } from '../../../src/core/node/relay-store';
import { MemoryStore } from '../../../src/core/state/memory-store';
import type { RelayCopy } from '../../../src/core/state/records';
import type { Fingerprint } from '../../../src/core/identity/fingerprint';
import type { EnvelopeId } from '../../../src/core/envelope/envelope-id';

const copy = (id: string, receivedAt: number, size: number): RelayCopy => ({
  id: id as EnvelopeId,
  bytes: new Uint8Array(size),
  size,
  receivedAt,
  dropAt: 4_000_000_000,
  hopsLeft: 1,
  fromPeer: 'f'.repeat(40) as Fingerprint,
  heldBy: [],
  downstream: [],
  declinedBy: [],
  deliveredSlots: [],
});

describe('lowering the relay quota', () => {
  it('drops the oldest foreign copies until the rest fits, and no more', async () => {
    const store = new MemoryStore();
    for (const [id, at] of [
      ['old', 1],
      ['mid', 2],
      ['new', 3],
    ] as const)
      await store.putRelayCopy(copy(id, at, 1000));
    expect(await enforceQuota(store, 2500)).toBe(1000);
    expect((await store.listRelayCopies()).map((c) => c.id)).toEqual(['mid', 'new']);
    expect(await store.relayBytes()).toBe(2000);
    expect(await enforceQuota(store, 2500)).toBe(0);
  });
});

describe('a friend flooding the relay', () => {
  const from = (peer: string, id: string, receivedAt: number, size: number): RelayCopy => ({
    ...copy(id, receivedAt, size),
    fromPeer: peer.repeat(40).slice(0, 40) as Fingerprint,
  });
  const policy = { maxMessageBytes: 4000, maxHoldSeconds: 86_400, quotaBytes: 10_000 };

  it("evicts only the flooder's own copies, never a friend's within their share", async () => {
    const store = new MemoryStore();
    // Three friends: a share is a third of the quota. Paul's copies came first.
    expect(await storeWithinQuota(store, from('p', 'paul-1', 1, 2000), policy, 3)).toBe(true);
    expect(await storeWithinQuota(store, from('p', 'paul-2', 2, 1000), policy, 3)).toBe(true);
    for (let i = 0; i < 40; i++)
      await storeWithinQuota(store, from('m', `junk-${i}`, 10 + i, 1000), policy, 3);
    const ids = (await store.listRelayCopies()).map((c) => c.id);
    expect(ids).toContain('paul-1');
    expect(ids).toContain('paul-2');
    expect(ids.filter((id) => id.startsWith('junk-'))).toEqual([
      'junk-33',
      'junk-34',
      'junk-35',
      'junk-36',
      'junk-37',
      'junk-38',
      'junk-39',
    ]);
    expect(await store.relayBytes()).toBeLessThanOrEqual(policy.quotaBytes);
    // A friend within their share still gets room, from the flooder's copies.
    expect(await storeWithinQuota(store, from('g', 'george-1', 100, 3000), policy, 3)).toBe(true);
    expect((await store.listRelayCopies()).map((c) => c.id)).toContain('paul-1');
  });

  it('refuses a copy rather than evict friends who are within their shares', async () => {
    const store = new MemoryStore();
    for (const [peer, id] of [
      ['a', 'a-1'],
      ['b', 'b-1'],
      ['c', 'c-1'],
    ] as const)
      await storeWithinQuota(store, from(peer, id, 1, 3000), policy, 3);
    // Each holds 3000 of a 3333 share, 9000 of 10000: no room, and nobody is over.
    expect(await storeWithinQuota(store, from('d', 'd-1', 2, 2000), policy, 3)).toBe(false);
    // A friend who brings more than their share pays with their own copy.
    expect(await storeWithinQuota(store, from('a', 'a-2', 3, 3000), policy, 3)).toBe(true);
    expect((await store.listRelayCopies()).map((c) => c.id).sort()).toEqual(['a-2', 'b-1', 'c-1']);
  });
});
