/**
 * `npm run bench:nat`: every pair of home routers in the NAT lab (ordinary, symmetric, UDP
 * blocked; Chromium in both homes, and mixed and Firefox pairs), with the tracker handing
 * out STUN and TURN. Per pair: whether it connects and which way (getStats), the time from a
 * friend coming online (their registration at the tracker) to the session being established,
 * direct-message latency (send → friend's store) and throughput of 16 KB messages.
 * Needs root (network namespaces). Last line: one JSON object.
 */
import type { BrowserKind } from '../browsers/extension-page';
import type { RouterKind } from '../lab/nat-lab';
import { buildAll } from '../build';
import { startLabWorld } from '../../test/nat/lab-world';
import { linkedPath, startAndBefriend } from '../../test/nat/paths';
import { median, report, round } from './stats';
import { at } from '../at';
import { answerHelp } from '../cli-help';

answerHelp(`npm run bench:nat [-- --pairs N --built]   (root: network namespaces)

Every pair of home routers in the NAT lab (or the first N of the plan: npm test runs one):
whether it connects and which way, time to a session, DM latency and throughput. A table, then
one JSON line.`);

const pairsArg = process.argv.indexOf('--pairs');
const PAIRS = pairsArg >= 0 ? Number(process.argv[pairsArg + 1]) : Infinity;

const RECONNECTS = 3;
const DMS = 5;
const BULK_MESSAGES = 16;
const BULK_TEXT = 'x'.repeat(16_000);

interface PairResult {
  pair: string;
  connected: boolean;
  via: 'direct' | 'relay' | '-';
  path: string;
  connectMs: number[];
  dmMs: number[];
  mbPerS: number;
}

async function runPair(
  kinds: [RouterKind, RouterKind],
  browsers: [BrowserKind, BrowserKind],
): Promise<PairResult> {
  const pair = `${kinds[0]}/${kinds[1]} ${browsers[0]}/${browsers[1]}`;
  const world = await startLabWorld(
    [
      { name: 'a', kind: kinds[0] },
      { name: 'b', kind: kinds[1] },
    ],
    { turn: true },
  );
  const result: PairResult = {
    pair,
    connected: false,
    via: '-',
    path: '-',
    connectMs: [],
    dmMs: [],
    mbPerS: 0,
  };
  try {
    const a = world.person('a', browsers[0], 'a');
    const b = world.person('b', browsers[1], 'b');
    await startAndBefriend([a, b], [[a, b]], world.tracker.url);
    const path = await linkedPath(a, b, 60_000).catch(() => null);
    if (!path) return result;
    result.connected = true;
    result.via = path.via;
    result.path = `${path.local}↔${path.remote}${path.relayProtocol ? `/${path.relayProtocol}` : ''}`;
    const aId = await a.ui('identity.get', {});
    const bId = await b.ui('identity.get', {});
    if (!aId || !bId) throw new Error('an identity is missing');
    await a.waitForOnline(bId.fingerprint, 60_000);
    for (let i = 0; i < RECONNECTS; i++) {
      await b.goOffline();
      await a.until(
        'friends.list',
        {},
        (fs) => fs.every((f) => !f.online),
        'a sees b offline',
        30_000,
        50,
      );
      const seen = world.tracker.events.length;
      await b.launch(world.tracker.url);
      const online = await a.waitForOnline(bId.fingerprint, 60_000);
      const registered = await world.tracker.waitForEvent(
        (e) =>
          e.event === 'peer-connected' &&
          e.peerId === bId.peerId &&
          world.tracker.events.indexOf(e) >= seen,
      );
      result.connectMs.push(online - Number(registered.at));
    }
    await b.waitForOnline(aId.fingerprint, 60_000);
    for (let i = 0; i < DMS; i++) {
      const text = `latency ${i} ${Date.now()}`;
      const sent = await a.sendStamped(bId.fingerprint, text);
      result.dmMs.push((await b.waitForText(text, 30_000)) - sent);
    }
    const texts = Array.from({ length: BULK_MESSAGES }, (_, i) => `${i} ${BULK_TEXT}`);
    const start = Date.now();
    for (const text of texts) await a.sendStamped(bId.fingerprint, text);
    const end = await b.waitForTexts(texts, 120_000);
    const bytes = texts.reduce((n, t) => n + t.length, 0);
    result.mbPerS = round(bytes / 1e6 / ((end - start) / 1000), 2);
    return result;
  } finally {
    await world.close();
  }
}

const KINDS: RouterKind[] = ['ordinary', 'symmetric', 'udp-blocked'];
// `--built`: the extension in dist/ as it is (npm test builds it once, and runs browsers from it).
if (!process.argv.includes('--built')) await buildAll();
const plan: [[RouterKind, RouterKind], [BrowserKind, BrowserKind]][] = [];
for (let i = 0; i < KINDS.length; i++)
  for (let j = i; j < KINDS.length; j++)
    plan.push([
      [at(KINDS, i), at(KINDS, j)],
      ['chromium', 'chromium'],
    ]);
plan.push([
  ['symmetric', 'symmetric'],
  ['chromium', 'firefox'],
]);
plan.push([
  ['ordinary', 'ordinary'],
  ['firefox', 'chromium'],
]);
// shared/NAT-LAB.md: Firefox behind two symmetric NATs failed with policy "all"; the relay-only
// retry after a failed dial is what should rescue it.
plan.push([
  ['symmetric', 'symmetric'],
  ['firefox', 'firefox'],
]);

const results: PairResult[] = [];
for (const [kinds, browsers] of plan.slice(0, PAIRS)) {
  const r = await runPair(kinds, browsers);
  results.push(r);
  console.log(
    `${r.pair.padEnd(40)} ${r.connected ? 'connected' : 'FAILED   '} ${r.via.padEnd(6)} ${r.path.padEnd(18)} connect p50 ${r.connectMs.length ? round(median(r.connectMs), 0) : '-'} ms  dm p50 ${r.dmMs.length ? round(median(r.dmMs), 0) : '-'} ms  ${r.mbPerS} MB/s`,
  );
}
const of = (via: 'direct' | 'relay', pick: (r: PairResult) => number[]) =>
  results.filter((r) => r.via === via).flatMap(pick);
const p50 = (values: number[]) => (values.length ? round(median(values), 0) : -1);
const mbs = (via: 'direct' | 'relay') => {
  const values = results.filter((r) => r.via === via).map((r) => r.mbPerS);
  return values.length ? round(median(values), 2) : -1;
};
const directDm = p50(of('direct', (r) => r.dmMs));
const relayDm = p50(of('relay', (r) => r.dmMs));
report(
  'NAT lab: every home pair, tracker with STUN and TURN',
  [
    { metric: 'pairs_tried', value: results.length, unit: '' },
    {
      metric: 'pairs_connected',
      value: results.filter((r) => r.connected).length,
      unit: '',
      target: 'all',
    },
    {
      metric: 'direct_connect_p50_ms',
      value: p50(of('direct', (r) => r.connectMs)),
      unit: 'ms',
      target: '≤ 1500',
    },
    {
      metric: 'relay_connect_p50_ms',
      value: p50(of('relay', (r) => r.connectMs)),
      unit: 'ms',
      target: '≤ 1500',
    },
    { metric: 'direct_dm_p50_ms', value: directDm, unit: 'ms' },
    { metric: 'relay_dm_p50_ms', value: relayDm, unit: 'ms', target: '≤ 2× direct' },
    {
      metric: 'relay_dm_ratio',
      value: directDm > 0 ? round(relayDm / directDm, 2) : -1,
      unit: '×',
      target: '≤ 2',
    },
    { metric: 'direct_mb_per_s', value: mbs('direct'), unit: 'MB/s' },
    { metric: 'relay_mb_per_s', value: mbs('relay'), unit: 'MB/s' },
  ],
  { pairs: results.map(({ pair, connected, via, path }) => ({ pair, connected, via, path })) },
);
