/**
 * Three friends, Alice, Paul and George. George is offline when Alice writes to him; Paul
 * carries the sealed copy, cannot read it, and hands it over when George comes online.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  befriend,
  clock,
  connect,
  dm,
  makeNode,
  post,
  whenIdle,
  until,
  type TestNode,
} from './harness';
import type { EnvelopeId } from '../../../src/core/envelope/envelope-id';

let alice: TestNode, paul: TestNode, george: TestNode;

beforeEach(async () => {
  clock.now = Date.UTC(2026, 10, 24, 12);
  [alice, paul, george] = (await Promise.all(
    ['Alice', 'Paul', 'George'].map((n) => makeNode(n)),
  )) as [TestNode, TestNode, TestNode];
  befriend(alice, paul);
  befriend(paul, george);
  befriend(alice, george);
});

describe('store and forward', () => {
  it('Alice → George via Paul while George is offline; a receipt clears Paul and shows delivered', async () => {
    const [a1] = connect(alice, paul);
    const sent = await alice.node.send(dm('Dinner on Friday?'), [george.fp]);
    await until(
      async () => (await alice.node.status(sent.id))?.state === 'held',
      'Paul holds a copy',
    );

    // Paul holds the sealed copy, apart from his own messages, and cannot read it.
    const copy = await paul.store.getRelayCopy(sent.id);
    expect(copy?.size).toBe(sent.bytes.length);
    expect(await paul.store.listMessages()).toEqual([]);
    expect(paul.inbox).toEqual([]);
    expect(copy!.hopsLeft).toBe(1);

    a1.close(); // Alice goes offline
    await whenIdle();
    connect(george, paul);
    await until(() => george.inbox.length === 1, 'George receives it');
    expect(george.inbox[0]!.message).toMatchObject({ kind: 'direct', text: 'Dinner on Friday?' });
    expect(george.inbox[0]!.senderFingerprintHex).toBe(alice.fp);

    // George's receipt reached Paul: his copy is gone and the space recovered.
    await until(async () => !(await paul.store.getRelayCopy(sent.id)), 'Paul drops the copy');
    expect(await paul.store.relayBytes()).toBe(0);

    // Alice comes back and learns it was delivered.
    connect(alice, paul);
    await until(
      async () => (await alice.node.status(sent.id))?.state === 'delivered',
      'Alice sees delivered',
    );
  });

  it('a message to a friend who is connected goes to them alone, not to relays', async () => {
    connect(alice, paul);
    const [toGeorge] = connect(alice, george);
    await whenIdle();
    const sent = await alice.node.send(dm('Are you there?'), [george.fp]);
    await until(() => george.inbox.length === 1, 'George receives it');
    await until(
      async () => (await alice.node.status(sent.id))?.state === 'delivered',
      'Alice sees delivered',
    );
    await whenIdle();
    expect(await paul.store.getRelayCopy(sent.id)).toBeUndefined();
    expect(await paul.store.relayBytes()).toBe(0);

    // George leaves before a second message: now Paul carries it.
    toGeorge.close();
    await whenIdle();
    const later = await alice.node.send(dm('Call me back'), [george.fp]);
    await until(async () => Boolean(await paul.store.getRelayCopy(later.id)), 'Paul holds it');
  });

  it('a message waiting for a friend who just left is offered to the friends still connected', async () => {
    connect(alice, paul);
    const [toGeorge] = connect(alice, george);
    await whenIdle();
    // George is connected but never answers the offer: the channel is closed under it.
    const sent = await alice.node.send(dm('Still there?'), [george.fp]);
    toGeorge.close();
    await until(async () => Boolean(await paul.store.getRelayCopy(sent.id)), 'Paul holds it');
    expect(await alice.node.status(sent.id)).toMatchObject({ state: 'held' });
  });

  it('a wall post reaches every friend once, and nobody twice', async () => {
    connect(alice, paul);
    connect(paul, george);
    const sent = await alice.node.send(post('New photos up'), [paul.fp, george.fp]);
    await until(() => paul.inbox.length === 1 && george.inbox.length === 1, 'both receive it');
    await whenIdle();
    connect(alice, george);
    await whenIdle();
    expect(paul.inbox.length).toBe(1);
    expect(george.inbox.length).toBe(1);
    expect((await george.store.listMessages()).filter((m) => m.id === sent.id)).toHaveLength(1);
    await until(
      async () => (await alice.node.status(sent.id))?.state === 'delivered',
      'delivered to both',
    );
  });

  it('sweeps expired copies by itself when a friend arrives', async () => {
    connect(alice, paul);
    const sent = await alice.node.send(dm('stale by then'), [george.fp], { ttlSeconds: 3600 });
    await until(async () => Boolean(await paul.store.getRelayCopy(sent.id)), 'Paul holds it');
    clock.now += 2 * 3600 * 1000;
    // Nobody calls purgeExpired: George coming online is enough.
    connect(george, paul);
    await until(async () => (await paul.store.relayBytes()) === 0, 'the expired copy is gone');
    expect(await paul.store.getRelayCopy(sent.id)).toBeUndefined();
    expect(george.inbox).toEqual([]);
  });

  it('deletes expired copies and recovers their space', async () => {
    connect(alice, paul);
    const sent = await alice.node.send(dm('soon stale'), [george.fp], { ttlSeconds: 3600 });
    await until(async () => Boolean(await paul.store.getRelayCopy(sent.id)), 'Paul holds it');
    expect(await paul.store.relayBytes()).toBeGreaterThan(0);
    clock.now += 2 * 3600 * 1000;
    expect(await paul.node.purgeExpired()).toBe(sent.bytes.length);
    expect(await paul.store.getRelayCopy(sent.id)).toBeUndefined();
    expect(await paul.store.relayBytes()).toBe(0);
    expect((await alice.node.status(sent.id))?.state).toBe('expired');
    // An expired copy is not handed on.
    connect(george, paul);
    await whenIdle();
    expect(george.inbox).toEqual([]);
  });

  it('a full relay quota refuses politely: no copy, no error, and the message still arrives directly', async () => {
    await paul.store.putRelayPolicy({
      maxMessageBytes: 64 * 1024,
      maxHoldSeconds: 3600,
      quotaBytes: 300,
    });
    const [a1] = connect(alice, paul);
    const sent = await alice.node.send(dm('x'.repeat(500)), [george.fp]);
    await until(
      async () => (await alice.store.getOutbox(sent.id))!.declinedBy.includes(paul.fp),
      'Paul declines',
    );
    expect(await paul.store.getRelayCopy(sent.id)).toBeUndefined();
    expect((await alice.node.status(sent.id))?.state).toBe('queued');
    expect(a1.state).toBe('established');
    expect(alice.errors.concat(paul.errors).filter(Boolean)).toEqual([]);
    connect(alice, george);
    await until(() => george.inbox.length === 1, 'direct delivery');
  });

  it('when the quota is full, the oldest foreign copies go first and the quota is never exceeded', async () => {
    const quota = 2500;
    await paul.store.putRelayPolicy({
      maxMessageBytes: 64 * 1024,
      maxHoldSeconds: 3600,
      quotaBytes: quota,
    });
    connect(alice, paul);
    const ids: EnvelopeId[] = [];
    for (let i = 0; i < 5; i++) {
      clock.now += 1000;
      ids.push((await alice.node.send(dm(`note ${i} ${'y'.repeat(300)}`), [george.fp])).id);
      await until(async () => Boolean(await paul.store.getRelayCopy(ids[i]!)), `copy ${i}`);
      expect(await paul.store.relayBytes()).toBeLessThanOrEqual(quota);
    }
    const held = (await paul.store.listRelayCopies()).map((c) => c.id);
    expect(held).toEqual(ids.slice(ids.length - held.length));
    expect(held.length).toBeLessThan(5);
    // Alice's own outbox is untouched by Paul's quota.
    expect((await alice.store.listOutbox()).length).toBe(5);
  });

  it('a friend-of-friend gets the copy with 0 hops left and never forwards it', async () => {
    const [fof, outer] = await Promise.all([makeNode('Fof'), makeNode('Outer')]);
    befriend(paul, fof);
    befriend(fof, outer);
    befriend(fof, george); // so Fof keeps it for George, who is away
    connect(alice, paul);
    connect(paul, fof);
    connect(fof, outer);
    const sent = await alice.node.send(dm('for George'), [george.fp], { hopLimit: 2 });
    await until(async () => Boolean(await fof.store.getRelayCopy(sent.id)), 'Fof holds it');
    expect((await fof.store.getRelayCopy(sent.id))!.hopsLeft).toBe(0);
    await whenIdle();
    expect(await outer.store.getRelayCopy(sent.id)).toBeUndefined();
  });

  it('hop limit 0 is direct only', async () => {
    connect(alice, paul);
    const sent = await alice.node.send(dm('direct only'), [george.fp], { hopLimit: 0 });
    await whenIdle();
    expect(await paul.store.getRelayCopy(sent.id)).toBeUndefined();
    connect(alice, george);
    await until(() => george.inbox.length === 1, 'George gets it directly');
  });

  it('live: a message reaches a connected friend at once, both ways, like a chat', async () => {
    connect(alice, george);
    await whenIdle();
    for (let i = 0; i < 5; i++) {
      await alice.node.send(dm(`ping ${i}`), [george.fp]);
      await until(() => george.inbox.length === i + 1, `ping ${i}`);
      await george.node.send(dm(`pong ${i}`), [alice.fp]);
      await until(() => alice.inbox.length === i + 1, `pong ${i}`);
    }
    expect(alice.inbox.map((o) => (o.message as { text: string }).text)).toEqual(
      [0, 1, 2, 3, 4].map((i) => `pong ${i}`),
    );
  });
});
