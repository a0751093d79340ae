/**
 * The same signed message in two envelopes (hostile-peers issue, point 5): stored and
 * announced once, remembered by its author and its own id, not only by envelope id.
 */
import { expect, it } from 'vitest';
import { befriend, connect, dm, makeNode, until } from './harness';

it('a message sealed twice by its sender shows once', async () => {
  const [alice, bob] = [await makeNode('Alice'), await makeNode('Bob')];
  befriend(alice, bob);
  connect(alice, bob);
  const message = dm('only once, please');
  const first = await alice.node.send(message, [bob.fp]);
  await until(() => bob.inbox.length === 1, 'the first copy arrives');
  const second = await alice.node.send(message, [bob.fp]);
  expect(second.id).not.toBe(first.id);
  await until(async () => (await bob.store.getSeen(second.id)) !== undefined, 'the second lands');
  expect(bob.inbox).toHaveLength(1);
  expect((await bob.store.listMessages()).map((m) => m.id)).toEqual([first.id]);
  // Acknowledged all the same: Alice's second copy stops waiting.
  await until(
    async () => (await alice.node.status(second.id))?.state === 'delivered',
    'the second copy is acknowledged',
  );
});
