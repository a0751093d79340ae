/**
 * A friend who offers an envelope and never sends it (hostile-peers issue, point 4): the body
 * has a deadline, then the next friend who offered it is asked; a friend that stalls twice is
 * given up on. And anyone who opens a channel must finish the handshake in time (point 10).
 */
import { expect, it } from 'vitest';
import { channelPair } from '../../../src/core/sync/memory-channel';
import { DEFAULT_BODY_LIMITS } from '../../../src/core/sync/body-requests';
import { befriend, clock, connect, dm, makeNode, until, type TestNode } from './harness';

const quick = { bodyLimits: { ...DEFAULT_BODY_LIMITS, baseWindowMs: 150, maxStalls: 2 } };

/** Mallory holds copies like a relay, and answers every request for them with silence. */
function censor(node: TestNode): void {
  node.node.envelopeFor = async () => null;
}

it("George gets Alice's message from Paul although Mallory, asked first, never sends it", async () => {
  clock.now = Date.now();
  const alice = await makeNode('Alice');
  const paul = await makeNode('Paul');
  const mallory = await makeNode('Mallory');
  const george = await makeNode('George', undefined, undefined, quick);
  for (const relay of [paul, mallory]) {
    befriend(alice, relay);
    befriend(relay, george);
  }
  befriend(alice, george);
  connect(alice, paul);
  connect(alice, mallory);
  const sent = await alice.node.send(dm('for George'), [george.fp]);
  await until(
    async () =>
      Boolean(
        (await paul.store.getRelayCopy(sent.id)) && (await mallory.store.getRelayCopy(sent.id)),
      ),
    'both relays hold it',
  );
  censor(mallory);

  connect(mallory, george); // George asks Mallory for the body...
  await until(() => george.node.connectedFriends().includes(mallory.fp), 'George meets Mallory');
  connect(paul, george); // ...and Paul's offer of it waits for that fetch
  await until(() => george.inbox.length === 1, 'George reads it');
  expect(george.inbox[0]!.envelope.id).toBe(sent.id);
});

it('a friend that never sends what it offered is disconnected after two stalls', async () => {
  clock.now = Date.now();
  const [alice, mallory] = [await makeNode('Alice'), await makeNode('Mallory')];
  const george = await makeNode('George', undefined, undefined, quick);
  befriend(alice, mallory);
  befriend(mallory, george);
  befriend(alice, george);
  connect(alice, mallory);
  const first = await alice.node.send(dm('one'), [george.fp]);
  await until(async () => Boolean(await mallory.store.getRelayCopy(first.id)), 'Mallory holds one');
  censor(mallory);
  let stalls = 0;
  const overdue = george.node.requestsOverdue.bind(george.node);
  george.node.requestsOverdue = (peer, ids) => {
    stalls++;
    overdue(peer, ids);
  };
  connect(mallory, george);
  await until(() => stalls === 1, 'the first body does not come');
  expect(george.node.connectedFriends()).toContain(mallory.fp); // one stall is forgiven
  const second = await alice.node.send(dm('two'), [george.fp]);
  await until(async () => Boolean(await mallory.store.getRelayCopy(second.id)), 'and two');
  await until(() => george.errors.some((e) => e?.code === 'timeout'), 'George gives up on her');
  expect(george.inbox).toHaveLength(0);
});

it('a channel that never finishes the handshake is closed', async () => {
  const george = await makeNode('George', undefined, undefined, { handshakeDeadlineMs: 100 });
  const [theirs, ours] = channelPair();
  let closed = false;
  theirs.onClose(() => (closed = true));
  george.node.answer(ours);
  await until(() => closed, 'the silent caller is cut off');
  expect(george.errors.at(-1)?.code).toBe('timeout');
});

it('tells the transport when the session has proved the friend, so it can protect the link', async () => {
  const [alice, bob] = [await makeNode('Alice'), await makeNode('Bob')];
  befriend(alice, bob);
  const [ours, theirs] = channelPair();
  const proven: string[] = [];
  ours.established = () => proven.push('caller');
  theirs.established = () => proven.push('callee');
  bob.node.answer(theirs);
  alice.node.call(ours, alice.keyring.friend(bob.fp)!);
  await until(() => proven.length === 2, 'both sides proved');
  expect(proven.sort()).toEqual(['callee', 'caller']);
});
