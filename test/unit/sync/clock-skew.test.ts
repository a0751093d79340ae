/**
 * Clocks that differ (hostile-peers issue, point 6): a sender whose clock runs ahead makes
 * signatures "in the future". A few minutes are tolerated; beyond that the envelope is not
 * thrown away for good, it is fetched again when offered again — by then the clocks agree.
 */
import { afterEach, expect, it, vi } from 'vitest';
import type { Session } from '../../../src/core/sync/session';
import { befriend, clock, connect, dm, makeNode, restart, until, type TestNode } from './harness';

const MINUTE = 60_000;

afterEach(() => vi.useRealTimers());

/** Runs `write` on a computer whose clock is `aheadMs` ahead of real time. */
async function onClockAhead<T>(aheadMs: number, write: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(Date.now() + aheadMs);
  try {
    return await write();
  } finally {
    vi.useRealTimers();
  }
}

/** Counts the envelopes `node` is handed, to wait for one to be handled. */
function countAccepts(node: TestNode): { count: number } {
  const seen = { count: 0 };
  const accept = node.node.acceptEnvelope.bind(node.node);
  node.node.acceptEnvelope = async (peer, bytes, id) => {
    try {
      return await accept(peer, bytes, id);
    } finally {
      seen.count++;
    }
  };
  return seen;
}

it('a message from a friend whose clock is two minutes ahead arrives', async () => {
  clock.now = Date.now();
  const [alice, bob] = [await makeNode('Alice'), await makeNode('Bob')];
  befriend(alice, bob);
  await onClockAhead(2 * MINUTE, () => alice.node.send(dm('from the future'), [bob.fp]));
  connect(alice, bob);
  await until(() => bob.inbox.length === 1, 'Bob reads it');
});

it('one from a clock half an hour ahead is fetched again later, not lost for good', async () => {
  clock.now = Date.now();
  const [alice, bob] = [await makeNode('Alice'), await makeNode('Bob')];
  befriend(alice, bob);
  const sent = await onClockAhead(30 * MINUTE, () =>
    alice.node.send(dm('far from the future'), [bob.fp]),
  );
  const accepts = countAccepts(bob);
  const [calling, answering]: Session[] = connect(alice, bob);
  await until(() => accepts.count === 1, 'Bob fetches it once');
  expect(bob.inbox).toHaveLength(0);
  expect(await bob.store.getSeen(sent.id)).toBeUndefined();
  calling!.close();
  answering!.close();

  // Half an hour later, by Bob's clock too, they meet again.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(Date.now() + 31 * MINUTE);
  clock.now = Date.now();
  const bobLater = await restart(bob);
  connect(alice, bobLater);
  await until(() => bobLater.inbox.length === 1, 'Bob reads it now');
  expect(bobLater.inbox[0]!.envelope.id).toBe(sent.id);
});

it('an envelope that did not open is not fetched and decrypted again at every offer', async () => {
  clock.now = Date.now();
  const [alice, bob] = [await makeNode('Alice'), await makeNode('Bob')];
  befriend(alice, bob);
  const sent = await onClockAhead(30 * MINUTE, () => alice.node.send(dm('again?'), [bob.fp]));
  const accepts = countAccepts(bob);
  const requested: string[][] = [];
  const consider = bob.node.considerOffers.bind(bob.node);
  bob.node.considerOffers = async (peer, entries) => {
    const decision = await consider(peer, entries);
    requested.push(decision.request.map((id) => Buffer.from(id).toString('hex')));
    return decision;
  };
  for (let meeting = 1; meeting <= 3; meeting++) {
    const [calling, answering]: Session[] = connect(alice, bob);
    await until(() => requested.length === meeting, `Alice offers it (meeting ${meeting})`);
    // The first time it is fetched, and does not open.
    await until(() => accepts.count === 1, 'the first offer was fetched');
    calling!.close();
    answering!.close();
  }
  expect(requested).toEqual([[sent.id], [], []]);
  expect(bob.inbox).toHaveLength(0);
});
