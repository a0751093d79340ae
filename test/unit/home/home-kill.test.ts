/**
 * A Murmur home killed with `kill -9` in the middle of a sync, twice: while Bob hands it the
 * messages he wrote to Ann (away), and while it hands them to Ann. Restarted on the same data
 * folder each time, it loses nothing and delivers nothing twice: Ann ends with every message
 * once, and the home with nothing left to carry (every copy retired by Ann's receipts).
 *
 * The home is the bundled `murmur-node` process; Bob and Ann are Murmurs in Node over the same
 * transport code the browsers run.
 */
import '../../../home/webrtc-globals';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startHome, type RunningHome } from '../../../home/home-host';
import { openHomeDatabase, type HomeDatabase } from '../../../home/sqlite-database';
import { localConfig } from '../../../signaling-server/config';
import { startTracker, type RunningTracker } from '../../../signaling-server/tracker';
import { buildHome } from '../../../tools/build-home';
import { addContacts, prepare, type Prepared } from '../../../tools/bench/home-world';
import { startHomeProcess, type HomeProcess } from '../../../tools/bench/home-process';

const MESSAGES = 60;
/** The home is killed once this many have moved: well inside the sync, never at its end. */
const KILL_AT = 15;

let tracker: RunningTracker;
let bundle: string;
const dir = mkdtempSync(join(tmpdir(), 'murmur-home-kill-'));
const running: { stop(): Promise<void> }[] = [];

beforeAll(async () => {
  [tracker, bundle] = await Promise.all([startTracker(localConfig()), buildHome()]);
}, 60_000);
afterAll(async () => {
  for (const r of running.reverse()) await r.stop();
  await tracker.stop();
  rmSync(dir, { recursive: true, force: true });
});

const trackerUrl = () => `ws://127.0.0.1:${tracker.port}/murmur`;

/** Rows a query counts in a database file another process writes (WAL lets us read it). */
function countIn(path: string, sql: string): number {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare(sql).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/** A person's Murmur, in this process; `whenever` resolves once `check` holds after a change. */
async function person(prepared: Prepared, name: string) {
  const db: HomeDatabase = openHomeDatabase(prepared.path, 'relaxed');
  const checks: { check: () => boolean; done: () => void }[] = [];
  const home: RunningHome = await startHome({
    db,
    trackers: [trackerUrl()],
    name,
    role: 'person',
    log: () => undefined,
    changed: () => {
      for (const c of checks.filter((c) => c.check())) {
        checks.splice(checks.indexOf(c), 1);
        c.done();
      }
    },
  });
  running.push(home);
  const whenever = (check: () => boolean, what: string, ms = 60_000) =>
    new Promise<void>((resolve, reject) => {
      if (check()) return resolve();
      const timer = setTimeout(() => reject(new Error(`${name}: ${what} not in ${ms} ms`)), ms);
      checks.push({ check, done: () => (clearTimeout(timer), resolve()) });
    });
  return { murmur: home.murmur, db, whenever, stop: () => home.stop() };
}

it('survives kill -9 mid-sync, both ways, with nothing lost and nothing twice', async () => {
  const homeDir = join(dir, 'home');
  mkdirSync(homeDir);
  const homeDb = join(homeDir, 'home.db');
  const ann = await prepare(join(dir, 'ann.db'), 'Ann', trackerUrl());
  const annsHome = await prepare(homeDb, 'Ann’s home', trackerUrl());
  const bob = await prepare(join(dir, 'bob.db'), 'Bob', trackerUrl());
  await addContacts(ann, [annsHome.asContact({ homeOf: ann.fingerprint }), bob.asContact()]);
  await addContacts(annsHome, [ann.asContact(), bob.asContact()], ann.fingerprint);
  await addContacts(bob, [ann.asContact(), annsHome.asContact({ homeOf: ann.fingerprint })]);
  const carried = () => countIn(homeDb, 'SELECT count(*) AS n FROM relay');
  const startTheHome = async (): Promise<HomeProcess> => {
    const home = startHomeProcess(bundle, homeDir, trackerUrl());
    running.push(home);
    await home.connected;
    return home;
  };

  // 1. Bob writes while Ann is away; her home is killed while it takes the copies.
  let home = await startTheHome();
  const bobs = await person(bob, 'Bob');
  const texts = Array.from({ length: MESSAGES }, (_, i) => `waiting ${i}`);
  for (const text of texts) await bobs.murmur.ask('messages.send', { to: ann.fingerprint, text });
  await bobs.whenever(() => carried() >= KILL_AT, 'the home taking copies');
  await home.kill9();
  const carriedAtKill = carried();
  expect(carriedAtKill).toBeLessThan(MESSAGES); // killed in the middle, not after

  home = await startTheHome();
  await home.until((h) => h.carrying === MESSAGES, 'taking every copy after a restart', 60_000);
  await bobs.stop();

  // 2. Ann comes back; her home is killed while it hands them over.
  const anns = await person(ann, 'Ann');
  const received = () =>
    (
      anns.db.prepare("SELECT count(*) AS n FROM messages WHERE kind = 'direct'").get() as {
        n: number;
      }
    ).n;
  await anns.whenever(() => received() >= KILL_AT, 'the first messages from her home');
  await home.kill9();
  expect(received()).toBeLessThan(MESSAGES);

  home = await startTheHome();
  await anns.whenever(() => received() === MESSAGES, 'every message after a restart');
  // Ann's receipts retire every copy: the home carries nothing any more.
  await home.until((h) => h.carrying === 0, 'retiring every copy', 60_000);
  const list = await anns.murmur.ask('messages.list', { kind: 'direct', limit: 2 * MESSAGES });
  expect(list.map((m) => m.text).sort()).toEqual([...texts].sort());
}, 180_000);
