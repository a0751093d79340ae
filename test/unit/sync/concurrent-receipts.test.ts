/**
 * Two friends' answers about the same post, handled at once. Alice posts to Bob and Carol; both
 * get it at the same moment and their receipts (and acks) reach her over two sessions, whose
 * frames her node handles side by side. Each updates the same outbox entry: read, change, write.
 * With a store that answers reads a few turns later, as IndexedDB does, the second write used to
 * put back the first one's recipient as pending — and the post said "Delivered to 1 of 2" for
 * good, because both receipts had been acknowledged and were never sent again.
 */
import { describe, expect, it } from 'vitest';
import type { NodeStore } from '../../../src/core/state/store-port';
import { befriend, connect, makeNode, post, tick, until, whenIdle } from './harness';

/** The store's outbox reads answer a few event-loop turns late, as IndexedDB's do. */
function slowOutboxReads(store: NodeStore, turns = 5): void {
  const getOutbox = store.getOutbox.bind(store);
  store.getOutbox = async (id) => {
    const entry = await getOutbox(id);
    for (let i = 0; i < turns; i++) await tick();
    return entry;
  };
}

describe('receipts from two friends at once', () => {
  it('mark both delivered, and the copies each friend took stay known', async () => {
    const [alice, bob, carol] = await Promise.all(
      ['Alice', 'Bob', 'Carol'].map((n) => makeNode(n)),
    );
    if (!alice || !bob || !carol) throw new Error('three nodes');
    befriend(alice, bob);
    befriend(alice, carol);
    slowOutboxReads(alice.store);
    connect(alice, bob);
    connect(alice, carol);
    await until(() => alice.node.connectedFriends().length === 2, 'both sessions are up');
    const sent = await alice.node.send(post('For everyone again'), [bob.fp, carol.fp]);
    await until(() => bob.inbox.length === 1 && carol.inbox.length === 1, 'both have the post');
    await whenIdle();
    const entry = await alice.store.getOutbox(sent.id);
    expect(entry?.recipients.map((r) => r.state)).toEqual(['delivered', 'delivered']);
  });
});
