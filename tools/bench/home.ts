/**
 * `npm run bench:home`: a Murmur home's two figures (issue 32). Everyone runs the home's own
 * code over node-datachannel and a tracker on loopback; a person's Murmur in Node stands in for
 * the browser (the same app and transport code the extension runs).
 *
 * - catchup: Bob writes `--messages` direct messages to Ann while she is away; they wait at
 *   her home. Her home runs as its own `murmur-node` process, as users run it; Ann's Murmur
 *   starts afresh: the time from its start until all of them are in her
 *   store (registration, finding her home, the data channel, the sync). `--runs` times, from
 *   the same saved state; median.
 * - rss: the home as its own `murmur-node` process with `--friends` friends connected to it:
 *   its resident memory once every one of them has a data channel to it.
 */
import '../../home/webrtc-globals';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHome } from '../../home/home-host';
import type { Statement } from 'better-sqlite3';
import { openHomeDatabase, type HomeDatabase } from '../../home/sqlite-database';
import { localConfig } from '../../signaling-server/config';
import { startTracker } from '../../signaling-server/tracker';
import type { UpdateTopic } from '../../src/messaging/page-updates';
import { answerHelp, sizeFlag } from '../cli-help';
import { addContacts, prepare, type Prepared } from './home-world';
import { benchHomeBundle, startHomeProcess } from './home-process';
import { median, report, round } from './stats';

answerHelp(`npm run bench:home [-- --messages 1000 --friends 100 --runs 3]

A Murmur home: catch-up of --messages waiting messages into a freshly started Murmur, and the
home's resident memory with --friends friends connected. A table, then one JSON line.`);

const MESSAGES = sizeFlag('messages', 1000);
const FRIENDS = sizeFlag('friends', 100);
const RUNS = sizeFlag('runs', 3);
const WAIT_MS = 300_000;

const tracker = await startTracker(
  localConfig({
    maxPeersPerAddress: 10_000,
    maxPeersPerNetwork: 10_000,
    connectsPerMinute: 100_000,
    challengesPerMinute: 100_000,
    presencePerMinute: 100_000,
    framesPerSecond: 10_000,
  }),
);
const trackerUrl = `ws://127.0.0.1:${tracker.port}/murmur`;
const dir = mkdtempSync(join(tmpdir(), 'murmur-bench-home-'));

/**
 * Resolves when `check` holds, checked at each change the Murmur reports (and at the start).
 * A check counts rows in the database: cheap enough to run at every change.
 */
function whenever(check: () => Promise<boolean>) {
  let wake: () => void = () => undefined;
  const changed = (..._topics: UpdateTopic[]) => wake();
  const done = (async () => {
    const deadline = Date.now() + WAIT_MS;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`not done in ${WAIT_MS} ms`);
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, 1_000); // a change missed between check and wait is seen next second
      });
    }
  })();
  return { changed, done };
}

/** Rows counted by `sql` (a measuring instrument: it reads the database, not the app). */
function counter(sql: string): (db: HomeDatabase) => number {
  const prepared = new WeakMap<HomeDatabase, Statement>();
  return (db) => {
    let statement = prepared.get(db);
    if (!statement) prepared.set(db, (statement = db.prepare(sql)));
    return (statement.get() as { n: number }).n;
  };
}

/** Runs a prepared Murmur; `stop` also closes its database (so its file may be copied). */
async function run(
  prepared: Prepared,
  name: string,
  role: 'home' | 'person',
  check?: (db: HomeDatabase) => Promise<boolean>,
) {
  // A person's Murmur stands in for a browser, and commits as browsers commit IndexedDB.
  const db = openHomeDatabase(prepared.path, role === 'person' ? 'relaxed' : 'full');
  const watch = check ? whenever(() => check(db)) : null;
  const home = await startHome({
    db,
    trackers: [trackerUrl],
    name,
    role,
    log: () => undefined,
    ...(watch ? { changed: watch.changed } : {}),
  });
  const stop = () => home.stop(); // closes the database too
  return { home, stop, done: watch?.done ?? Promise.resolve() };
}

async function catchup(): Promise<number[]> {
  const ann = await prepare(join(dir, 'ann.db'), 'Ann', trackerUrl);
  const annsHome = await prepare(join(dir, 'home.db'), 'Ann’s home', trackerUrl);
  const bob = await prepare(join(dir, 'bob.db'), 'Bob', trackerUrl);
  await addContacts(ann, [annsHome.asContact({ homeOf: ann.fingerprint }), bob.asContact()]);
  await addContacts(annsHome, [ann.asContact(), bob.asContact()], ann.fingerprint);
  await addContacts(bob, [ann.asContact(), annsHome.asContact({ homeOf: ann.fingerprint })]);

  // Bob writes while Ann is away; everything waits at her home.
  const copies = counter('SELECT count(*) AS n FROM relay');
  const held = async (db: HomeDatabase) => copies(db) >= MESSAGES;
  const home = await run(annsHome, 'Ann’s home', 'home', held);
  const writer = await run(bob, 'Bob', 'person');
  for (let i = 0; i < MESSAGES; i++)
    await writer.home.murmur.ask('messages.send', { to: ann.fingerprint, text: `waiting ${i}` });
  await home.done;
  await writer.stop();
  await home.stop();
  for (const file of ['ann.db', 'home.db'])
    copyFileSync(join(dir, file), join(dir, `${file}.saved`));

  const times: number[] = [];
  const directMessages = counter("SELECT count(*) AS n FROM messages WHERE kind = 'direct'");
  const homeDir = join(dir, 'ann-home');
  mkdirSync(homeDir, { recursive: true });
  for (let r = 0; r < RUNS; r++) {
    copyFileSync(join(dir, 'ann.db.saved'), join(dir, 'ann.db'));
    copyFileSync(join(dir, 'home.db.saved'), join(homeDir, 'home.db'));
    const again = startHomeProcess(benchHomeBundle(), homeDir, trackerUrl);
    await again.connected;
    // Counted in her database: listing a thousand messages at each change would slow her down.
    const arrived = async (db: HomeDatabase) => directMessages(db) >= MESSAGES;
    const started = performance.now();
    const reader = await run(ann, 'Ann', 'person', arrived);
    await reader.done;
    times.push(performance.now() - started);
    await reader.stop();
    await again.stop();
  }
  return times;
}

/** Resident memory (bytes) of a process, from /proc. */
function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
  if (!kb) throw new Error('no VmRSS');
  return Number(kb) * 1024;
}

async function rssWithFriends(): Promise<{ rss: number; idle: number }> {
  const homeDir = join(dir, 'rss-home');
  const home = await prepare(join(dir, 'rss-home.db'), 'A home', trackerUrl);
  const friends: Prepared[] = [];
  for (let i = 0; i < FRIENDS; i++) {
    const friend = await prepare(join(dir, `friend-${i}.db`), `Friend ${i}`, trackerUrl);
    await addContacts(friend, [home.asContact({ homeOf: home.fingerprint })]);
    friends.push(friend);
  }
  await addContacts(
    home,
    friends.map((f) => f.asContact()),
  );
  mkdirSync(homeDir, { recursive: true });
  copyFileSync(home.path, join(homeDir, 'home.db'));
  const child = startHomeProcess(benchHomeBundle(), homeDir, trackerUrl);
  await child.connected;
  const idle = rssOf(child.pid);
  const running = await Promise.all(friends.map((f, i) => run(f, `Friend ${i}`, 'person')));
  await child.until((home) => home.linked >= FRIENDS, `${FRIENDS} friends linked`, WAIT_MS);
  const rss = rssOf(child.pid);
  await child.stop();
  for (const r of running) await r.stop();
  return { rss, idle };
}

const times = await catchup();
const { rss, idle } = await rssWithFriends();
await tracker.stop();
rmSync(dir, { recursive: true, force: true });

const MB = 1_000_000; // the target is in megabytes, not mebibytes
report(
  `Murmur home: ${MESSAGES} waiting messages caught up (${RUNS} runs), ${FRIENDS} friends connected`,
  [
    {
      metric: `catchup_${MESSAGES}_ms`,
      value: round(median(times), 0),
      unit: 'ms',
      target: MESSAGES === 1000 ? '≤ 3000' : '',
    },
    {
      metric: `rss_${FRIENDS}_friends_bytes`,
      value: rss,
      unit: 'B',
      target: FRIENDS === 100 ? `≤ ${150 * MB}` : '',
    },
    { metric: 'rss_idle_bytes', value: idle, unit: 'B', target: '(no friend connected)' },
  ],
  { catchup_runs_ms: times.map((t) => round(t, 0)), rss_friends_mb: round(rss / MB, 1) },
);
process.exit(0);
