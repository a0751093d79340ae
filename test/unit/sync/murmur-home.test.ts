/**
 * Murmur homes in the core (issue 32, point 3): an always-on node of Alice's with its own key.
 * Alice can close her browser right after writing: her home hands the message on. A friend's
 * message waits at her home until she is back. The home reads nothing, and carries nothing but
 * its owner's traffic: a friend's message to someone else never goes to it, and what a friend
 * gave it for Alice goes to Alice only.
 */
import { expect, it } from 'vitest';
import { openEnvelope } from '../../../src/core/envelope/open';
import { decodeEnvelope } from '../../../src/core/envelope/format';
import { clock, connect, dm, makeNode, post, until, whenIdle, type TestNode } from './harness';

/** Alice, her home, and her friends Bob and Carol (who know of the home from her profile). */
async function aliceAtHome() {
  clock.now = Date.UTC(2026, 10, 24, 12);
  const [alice, bob, carol] = await Promise.all(['Alice', 'Bob', 'Carol'].map((n) => makeNode(n)));
  const home = await makeNode('Alice’s home', undefined, undefined, { homeOf: alice!.fp });
  const pair = (a: TestNode, b: TestNode) => {
    a.keyring.addFriend(b.keyring.me.publicKey);
    b.keyring.addFriend(a.keyring.me.publicKey);
  };
  pair(alice!, bob!);
  pair(alice!, carol!);
  pair(bob!, carol!);
  // The home knows its owner and (public keys only) the owner's friends.
  for (const friend of [bob!, carol!]) home.keyring.addFriend(friend.keyring.me.publicKey);
  home.keyring.addFriend(alice!.keyring.me.publicKey);
  for (const person of [alice!, bob!, carol!])
    person.keyring.addFriend(home.keyring.me.publicKey, { homeOf: alice!.fp });
  return { alice: alice!, bob: bob!, carol: carol!, home };
}

const holds = async (node: TestNode) => (await node.store.listRelayCopies()).map((c) => c.id);

it('Alice writes Bob and leaves at once; her home hands it to Bob when he comes', async () => {
  const { alice, bob, home } = await aliceAtHome();
  const [toHome] = connect(alice, home);
  const sent = await alice.node.send(dm('Dinner on Friday?'), [bob.fp]);
  await until(async () => (await holds(home)).includes(sent.id), 'the home holds it');
  toHome.close();

  connect(home, bob);
  await until(() => bob.inbox.length === 1, 'Bob receives it from the home');
  expect(bob.inbox[0]?.message).toMatchObject({ kind: 'direct', text: 'Dinner on Friday?' });
  expect(bob.inbox[0]?.senderFingerprintHex).toBe(alice.fp);
});

it('Bob’s message to Alice waits at her home and reaches her when she is back', async () => {
  const { alice, bob, home } = await aliceAtHome();
  const [bobAtHome] = connect(bob, home);
  const sent = await bob.node.send(dm('Are you still up?'), [alice.fp]);
  await until(async () => (await holds(home)).includes(sent.id), 'the home holds it');
  bobAtHome.close();

  connect(alice, home);
  await until(() => alice.inbox.length === 1, 'Alice collects it');
  expect(alice.inbox[0]?.message).toMatchObject({ text: 'Are you still up?' });
});

it('the home reads nothing it carries: no key it holds opens a copy', async () => {
  const { alice, bob, carol, home } = await aliceAtHome();
  connect(alice, home);
  connect(bob, home);
  await alice.node.send(post('Photos from the hike'), [bob.fp, carol.fp]);
  await bob.node.send(dm('for Alice only'), [alice.fp]);
  await until(async () => (await holds(home)).length === 2, 'the home holds both');
  await whenIdle();
  expect(home.inbox).toEqual([]);
  for (const copy of await home.store.listRelayCopies()) {
    const opened = await openEnvelope(decodeEnvelope(copy.bytes), home.keyring, {
      now: clock.now,
    });
    expect(opened).toMatchObject({ ok: false, error: { code: 'not-for-me' } });
  }
});

it('a home is nobody’s relay: nothing for others goes to it, and its owner’s mail goes to her only', async () => {
  const { alice, bob, carol, home } = await aliceAtHome();
  // Carol writes Bob while only Alice's home is there: it is not Alice's, so not offered.
  const [carolAtHome] = connect(carol, home);
  const toBob = await carol.node.send(dm('Bob, the climbing wall?'), [bob.fp]);
  // Carol also writes Alice: that one is for the home to keep.
  const toAlice = await carol.node.send(dm('Alice, call me'), [alice.fp]);
  await until(async () => (await holds(home)).includes(toAlice.id), 'the home keeps Alice’s');
  await whenIdle();
  expect(await holds(home)).toEqual([toAlice.id]);
  carolAtHome.close();

  // Bob comes by the home: Carol's message for Alice is not offered to him.
  connect(bob, home);
  await whenIdle();
  expect(await holds(bob)).not.toContain(toAlice.id);
  expect(bob.inbox.map((o) => o.envelope.id)).not.toContain(toBob.id);
});
