/**
 * Federation: Alice's tracker is not Bob's. Each names its own tracker on its contact card,
 * registers there and with the friend's tracker, and they reach each other.
 */
import { afterAll, expect, it } from 'vitest';
import { befriend, Person } from './harness/person';
import { startTrackerProcess, type TrackerProcess } from './harness/tracker-process';

const alice = new Person('alice', 'chromium');
const bob = new Person('bob', 'firefox');
let trackers: TrackerProcess[] = [];

afterAll(async () => {
  await Promise.all([alice, bob].map((p) => p.dispose()));
  await Promise.all(trackers.map((t) => t.stop()));
});

it('friends on different trackers find each other and talk', async () => {
  trackers = await Promise.all([startTrackerProcess(), startTrackerProcess()]);
  const [one, two] = trackers as [TrackerProcess, TrackerProcess];
  await Promise.all([alice.launch(one.url), bob.launch(two.url)]);
  for (const p of [alice, bob]) await p.ui('identity.create', { displayName: p.name });
  const aliceCard = (await alice.ui('identity.get', {}))!;
  const bobCard = (await bob.ui('identity.get', {}))!;
  await befriend([[alice, bob]]);

  // Each registered with its own tracker and with the friend's.
  for (const t of [one, two])
    for (const peerId of [aliceCard.peerId, bobCard.peerId])
      await t.waitForEvent((e) => e.event === 'peer-connected' && e.peerId === peerId, 20_000);

  const sent = await alice.ui('messages.send', {
    to: bobCard.fingerprint,
    text: 'Across trackers',
  });
  // Registered is not yet connected: if the first dial finds the friend not yet registered on
  // its tracker, the next presence round (every 15 s) finds them — on a loaded machine past
  // 20 s (a fresh-clone run failed so), as the UI flow's friend request allows for.
  const got = await bob.until(
    'messages.list',
    { kind: 'direct' },
    (ms) => ms.some((m) => m.id === sent.id),
    'Bob receives it',
    45_000,
  );
  expect(got.find((m) => m.id === sent.id)).toMatchObject({
    text: 'Across trackers',
    verified: true,
  });
  const reply = await bob.ui('messages.send', { to: aliceCard.fingerprint, text: 'Got it' });
  await alice.until(
    'messages.list',
    { kind: 'direct' },
    (ms) => ms.some((m) => m.id === reply.id),
    'Alice gets the reply',
  );
});
