/**
 * `npm run bench:browser`: Murmur in real headless Chromium profiles on loopback, with a local
 * tracker. Measures
 *  - direct_p50/p95_ms: a direct message from Alice's send to Bob's store (the recipient's
 *    page polls its background every few ms), over 60 messages one after another;
 *  - bulk_mb_per_s: 1 MB of direct messages at once (64 messages of 16 KB: the protocol caps
 *    a message's text at 16 KB, PROTOCOL.md §11), until the last is in Bob's store;
 *  - relayed_catchup_ms: George's browser is launched while Paul holds 10 sealed messages for
 *    him; the time from launch until the last of them is in George's store.
 * Prints a table, then one JSON line.
 */
import { startTracker } from '../../signaling-server/tracker';
import { localConfig } from '../../signaling-server/config';
import { befriend, Person } from '../../test/e2e/harness/person';
import { buildAll } from '../build';
import { percentile, report, round } from './stats';
import type { EnvelopeId } from '../../src/core/envelope/envelope-id';
import { answerHelp, sizeFlag } from '../cli-help';

answerHelp(`npm run bench:browser [-- --messages 60 --bulk 64 --built]

Murmur in real headless Chromium profiles with a local tracker: direct-message latency (over
--messages one after another), bulk throughput (--bulk messages of 16 KB at once), and a
relayed catch-up. A table, then one JSON line.`);

const MESSAGES = sizeFlag('messages', 60);
const BULK = sizeFlag('bulk', 64);

// `--built`: the extension in dist/ as it is (npm test builds it once, and runs browsers from it).
if (!process.argv.includes('--built')) await buildAll();
const tracker = await startTracker(localConfig());
const url = `ws://127.0.0.1:${tracker.port}/murmur`;
const [alice, bob, paul, george] = ['alice', 'bob', 'paul', 'george'].map(
  (name) => new Person(name, 'chromium'),
) as [Person, Person, Person, Person];
const people = [alice, bob, paul, george];

try {
  await Promise.all(people.map((p) => p.launch(url)));
  for (const p of people) await p.ui('identity.create', { displayName: p.name });
  await befriend([
    [alice, bob],
    [alice, paul],
    [paul, george],
    [alice, george],
  ]);
  const fp = async (p: Person) => {
    const identity = await p.ui('identity.get', {});
    if (!identity) throw new Error(`${p.name} has no identity`);
    return identity.fingerprint;
  };
  const [B, P, G] = [await fp(bob), await fp(paul), await fp(george)];
  for (const who of [B, P, G])
    await alice.until(
      'friends.list',
      {},
      (fs) => fs.some((f) => f.fingerprint === who && f.online),
      'friends online',
    );

  // Direct latency: Bob's page watches its own store; Alice's page stamps the send.
  const direct: number[] = [];
  for (let i = 0; i < MESSAGES; i++) {
    const text = `ping ${i} ${Math.random()}`;
    const seen = bob.waitForText(text);
    const sentAt = await alice.sendStamped(B, text);
    direct.push((await seen) - sentAt);
  }

  // Bulk: BULK × 16 KB at once.
  const texts = Array.from({ length: BULK }, (_, i) => `${i} `.padEnd(16 * 1024 - 4, 'x'));
  const allSeen = bob.waitForTexts(texts, 60_000);
  const bulkStart = Date.now();
  await Promise.all(texts.map((text) => alice.ui('messages.send', { to: B, text })));
  const bulkMs = (await allSeen) - bulkStart;

  // Relayed catch-up: George offline, Paul holds 10 messages for him, Alice leaves.
  await george.goOffline();
  const ids: EnvelopeId[] = [];
  for (let i = 0; i < 10; i++)
    ids.push((await alice.ui('messages.send', { to: G, text: `while you were out ${i}` })).id);
  for (const id of ids)
    await alice.until('outbox.status', { id }, (s) => s?.state === 'held', 'Paul holds it');
  await alice.goOffline();
  const launchAt = Date.now();
  await george.launch(url);
  await george.until(
    'messages.list',
    { kind: 'direct' },
    (ms) => ids.every((id) => ms.some((m) => m.id === id)),
    'George catches up',
    30_000,
    10,
  );
  const catchup = Date.now() - launchAt;

  report(
    'Murmur between headless Chromium profiles on loopback (local tracker)',
    [
      {
        metric: 'direct_p50_ms',
        value: round(percentile(direct, 50), 1),
        unit: 'ms',
        target: '≤ 100',
      },
      { metric: 'direct_p95_ms', value: round(percentile(direct, 95), 1), unit: 'ms' },
      { metric: 'relayed_catchup_ms', value: catchup, unit: 'ms', target: '≤ 3000' },
      {
        metric: 'bulk_mb_per_s',
        value: round((BULK * 16) / 1024 / (bulkMs / 1000), 2),
        unit: 'MB/s',
      },
    ],
    { direct_samples: direct.length, bulk_ms: bulkMs, relayed_messages: ids.length },
  );
} finally {
  await Promise.all(people.map((p) => p.dispose()));
  await tracker.stop();
}
process.exit(0);
