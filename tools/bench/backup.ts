/**
 * `npm run bench:backup`: backup, restore and the readable archive over a large history, in
 * headless Chromium, through the options page as a person uses it. The store holds 10,000 posts
 * and 50,000 direct messages (500 friends; a fifth of the posts and half the messages the
 * user's own), seeded straight into the profile's IndexedDB as the background writes them.
 * Each step is timed in the page from the click to the result on screen (the file saved, or
 * "You are … again"). Three runs each; medians. Restores go into a second, fresh profile (the
 * later runs replace what the first restored, after the confirmation).
 */
import { copyFile, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from '../../src/core/bytes';
import { encodeMessage } from '../../src/core/messages/codec';
import type { StoredMessage } from '../../src/core/state/records';
import { launchChromium } from '../browsers/chromium';
import type { ExtensionPage } from '../browsers/extension-page';
import { buildAll, DIST } from '../build';
import { makeFriends, seedStore } from './seed-store';
import { median, report, round } from './stats';
import { at } from '../at';
import type { Fingerprint } from '../../src/core/identity/fingerprint';
import { envelopeIdFromBytes } from '../../src/core/envelope/envelope-id';
import { newMessageId } from '../../src/core/messages/message-id';
import { startMurmur } from '../browsers/first-run';
import { answerHelp, sizeFlag } from '../cli-help';

answerHelp(`npm run bench:backup [-- --posts 10000 --messages 50000 --friends 500 --runs 3 --built]

Backup, restore and the readable archive of a large history through the options page, in
headless Chromium. A table, then one JSON line.`);

const POSTS = sizeFlag('posts', 10_000);
const MESSAGES = sizeFlag('messages', 50_000);
const FRIENDS = sizeFlag('friends', 500);
const RUNS = sizeFlag('runs', 3);
const PASSPHRASE = 'benchmark passphrase';

// `--built`: the extension in dist/ as it is (npm test builds it once, and runs browsers from it).
if (!process.argv.includes('--built')) await buildAll();
const scratch = await mkdtemp(join(tmpdir(), 'murmur-bench-backup-'));
const source = await launchChromium({
  extensionDir: join(DIST, 'chromium'),
  profile: 'bench-backup',
  headless: true,
});
const target = await launchChromium({
  extensionDir: join(DIST, 'chromium'),
  profile: 'bench-restore',
  headless: true,
});

/**
 * Clicks `button` and returns the time (page clock) until the status line says `text` again
 * after the click cleared it — a repeated step shows the same sentence as the last one.
 */
async function timedClick(page: ExtensionPage, button: string, text: string): Promise<number> {
  const started = await page.evaluate((want) => {
    const g = globalThis as unknown as { __done?: number | null; __cleared?: boolean };
    g.__done = null;
    g.__cleared = false;
    const section = document.querySelector('#backup');
    if (!section) throw new Error('no #backup section');
    const phases: [string, number][] = [];
    (globalThis as unknown as { __phases: [string, number][] }).__phases = phases;
    const t0 = performance.now();
    new MutationObserver((_records, observer) => {
      const phase = section.querySelector('label[for=backup-progress]')?.textContent ?? 'end';
      if (phases.at(-1)?.[0] !== phase) phases.push([phase, Math.round(performance.now() - t0)]);
      const status = section.querySelector('[role=status]')?.textContent ?? '';
      if (!status.includes(want)) g.__cleared = true;
      else if (g.__cleared) {
        g.__done = performance.now();
        observer.disconnect();
      }
    }).observe(section, { subtree: true, childList: true, characterData: true });
    return performance.now();
  }, text);
  await page.click(button);
  const done = await page.waitFor(
    () => {
      const failed = document.querySelector('#backup [role=alert]')?.textContent;
      if (failed) throw new Error(failed);
      return (globalThis as unknown as { __done?: number | null }).__done ?? null;
    },
    null,
    180_000,
  );
  if (process.env.BENCH_PHASES)
    console.log(
      button,
      JSON.stringify(
        await page.evaluate(() => (globalThis as unknown as { __phases: unknown }).__phases, null),
      ),
    );
  return done - started;
}

async function newestDownload(page: ExtensionPage): Promise<string> {
  return page.waitFor(
    async () => {
      const g = globalThis as unknown as { chrome: typeof chrome };
      const [item] = await g.chrome.downloads.search({ orderBy: ['-startTime'], limit: 1 });
      return item?.state === 'complete' ? item.filename : null;
    },
    null,
    60_000,
  );
}

try {
  const setup = await source.openExtensionPage('popup.html');
  await startMurmur(setup, 'Archivist');
  const me = await setup.evaluate(async () => {
    const g = globalThis as unknown as { chrome: typeof chrome };
    return g.chrome.runtime.sendMessage<unknown, { value: { fingerprint: Fingerprint } }>({
      murmur: 1,
      channel: 'ui',
      type: 'identity.get',
      payload: {},
    });
  }, null);
  const mine = me.value.fingerprint;

  const { friends, contacts } = await makeFriends(FRIENDS);
  const start = Date.now() - (POSTS + MESSAGES) * 60_000;
  const messages: StoredMessage[] = [];
  const stored = (
    i: number,
    author: Fingerprint,
    message: Uint8Array,
    kind: string,
    withWhom: Fingerprint | null,
  ): StoredMessage => ({
    id: envelopeIdFromBytes(randomBytes(32)),
    authorFingerprint: author,
    kind,
    message,
    conversationWith: withWhom,
    receivedAt: start + i * 60_000,
    // The sizes Murmur stores: the signed content is the message plus 53 bytes, the signature 119.
    signedData: new Uint8Array([...randomBytes(53), ...message]),
    signature: randomBytes(119),
  });
  for (let i = 0; i < POSTS; i++) {
    const author = i % 5 === 0 ? mine : at(friends, i % FRIENDS).fingerprintHex;
    const text = `Post ${i}: ${'a day out in the hills, '.repeat(6)}`;
    const message = encodeMessage({
      kind: 'post',
      id: newMessageId(),
      createdAt: start + i * 60_000,
      text,
      thumbnails: [],
      audience: { kind: 'all-friends' },
      mirroredFrom: null,
    });
    messages.push(stored(i, author, message, 'post', null));
  }
  for (let i = 0; i < MESSAGES; i++) {
    const friend = at(friends, i % FRIENDS).fingerprintHex;
    const message = encodeMessage({
      kind: 'direct',
      id: newMessageId(),
      createdAt: start + (POSTS + i) * 60_000,
      text: `message ${i}: see you at the station at ten?`,
    });
    messages.push(stored(POSTS + i, i % 2 ? mine : friend, message, 'direct', friend));
  }
  await seedStore(setup, contacts, messages);
  await setup.close();
  await source.stopServiceWorkers();

  const options = await source.openExtensionPage('options.html#backup');
  await options.waitFor(() => !!document.querySelector('#backup-make'), null, 60_000);
  const backupMs: number[] = [];
  const archiveMs: number[] = [];
  let backupFile = '';
  let archiveBytes = 0;
  for (let run = 0; run < RUNS; run++) {
    await options.fill('#backup-passphrase', PASSPHRASE);
    await options.fill('#backup-repeat', PASSPHRASE);
    backupMs.push(await timedClick(options, '#backup-make', 'murmur-backup-'));
    backupFile = join(scratch, 'bench.murmur');
    await copyFile(await newestDownload(options), backupFile);
    archiveMs.push(await timedClick(options, '#archive-make', 'murmur-archive-'));
    archiveBytes = (await stat(await newestDownload(options))).size;
  }
  const backupBytes = (await stat(backupFile)).size;

  const restorePage = await target.openExtensionPage('options.html#backup');
  await restorePage.waitFor(() => !!document.querySelector('#restore-file'), null, 60_000);
  const restoreMs: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    await restorePage.setInputFile('#restore-file', backupFile);
    await restorePage.fill('#restore-passphrase', PASSPHRASE);
    if (run === 0) restoreMs.push(await timedClick(restorePage, '#restore-start', 'Archivist'));
    else {
      await restorePage.click('#restore-start');
      restoreMs.push(await timedClick(restorePage, '#restore-replace', 'Archivist'));
    }
  }
  // Everything arrived: the restored profile's database holds every message.
  const restoredCount = await restorePage.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('murmur');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const count = await new Promise<number>((resolve) => {
      const request = db.transaction('messages').objectStore('messages').count();
      request.onsuccess = () => resolve(request.result);
    });
    db.close();
    return count;
  }, null);
  if (restoredCount !== POSTS + MESSAGES) throw new Error(`restored ${restoredCount} messages`);

  report(
    `Backup over ${POSTS} posts and ${MESSAGES} messages with ${FRIENDS} friends (Chromium, options page; medians of ${RUNS})`,
    [
      { metric: 'backup_ms', value: round(median(backupMs), 0), unit: 'ms', target: '≤ 30000' },
      { metric: 'restore_ms', value: round(median(restoreMs), 0), unit: 'ms', target: '≤ 30000' },
      { metric: 'archive_ms', value: round(median(archiveMs), 0), unit: 'ms', target: '≤ 30000' },
      { metric: 'backup_bytes', value: backupBytes, unit: 'B' },
      { metric: 'archive_bytes', value: archiveBytes, unit: 'B' },
    ],
    {
      backup_all_ms: backupMs.map((v) => round(v, 0)),
      restore_all_ms: restoreMs.map((v) => round(v, 0)),
      archive_all_ms: archiveMs.map((v) => round(v, 0)),
      restored_messages: restoredCount,
    },
  );
} finally {
  await Promise.all([source.close(), target.close()]);
  await rm(scratch, { recursive: true, force: true });
}
process.exit(0);
