/**
 * Tests wait for the nodes to be idle, not for a number of turns (house issue, point 8): a
 * message across a relay has arrived when whenIdle resolves, however many turns its crypto and
 * store writes take; a network that never quiets fails instead of hanging.
 */
import { describe, expect, it } from 'vitest';
import { channelPair } from '../../../src/core/sync/memory-channel';
import { aliceWithRelayPaul, connect, dm, tick, whenIdle, world } from './harness';

describe('whenIdle', () => {
  it('resolves only once a message has crossed two hops and been stored', async () => {
    const { alice, paul, george } = await aliceWithRelayPaul();
    const sent = await alice.node.send(dm('Dinner on Friday?'), [george.fp]);
    connect(paul, george);
    await whenIdle();
    expect(george.inbox.map((o) => o.envelope.id)).toEqual([sent.id]);
    expect(await george.store.getMessage(sent.id)).toBeDefined();
  });

  it('gives up on a network that never quiets', async () => {
    // Two ends that answer every frame a turn later, for ever.
    const [a, b] = channelPair(world.traffic);
    a.onFrame((f) => setImmediate(() => b.send(f)));
    b.onFrame((f) => setImmediate(() => a.send(f)));
    a.send(new Uint8Array([1]));
    await expect(whenIdle(200)).rejects.toThrow('still busy after 200 turns');
    a.close();
    await tick();
  });
});
