import { describe, expect, it } from 'vitest';
import { enforceQuota } from '../../../src/core/node/relay-store';
import { MemoryStore } from '../../../src/core/state/memory-store';
import type { RelayCopy } from '../../../src/core/state/records';

const copy = (id: string, receivedAt: number, size: number): RelayCopy => ({
  id,
  bytes: new Uint8Array(size),
  size,
  receivedAt,
  dropAt: 4_000_000_000,
  hopsLeft: 1,
  fromPeer: 'f'.repeat(40),
  heldBy: [],
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
