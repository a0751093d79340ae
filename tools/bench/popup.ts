/**
 * `npm run bench:popup`: the built popup in headless Chromium over a store holding 10,000 posts
 * from 500 friends and 500 conversations. The store is seeded straight into the profile's
 * IndexedDB (records as the background writes them), then the background is restarted so it
 * loads those friends like after a browser restart. Each open is timed from navigation, on the
 * page's own clock:
 * - `blank_page_ms`: the browser's own part — a page of ours with the stylesheet and an empty
 *   script, to its first frame (the floor under every figure below);
 * - `feed_ready_ms`: the feed's first page (20 posts) on screen;
 * - `chats_ready_ms`: from choosing Chats to its rows, with their last messages, filling the
 *   screen; `chats_all_rows_ms` to all 500 rows in the list (they follow the first screen);
 * - `tab_ready_ms`: the full tab (murmur.html) with the feed's first page and the friends list
 *   beside it filling the screen; `tab_all_rows_ms` to all 500 friends in it.
 * Five opens each; medians.
 */
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from '../../src/core/bytes';
import { encodeMessage } from '../../src/core/messages/codec';
import type { StoredMessage } from '../../src/core/state/records';
import { launchChromium, wrapPlaywrightPage } from '../browsers/chromium';
import { buildAll } from '../build';
import { makeFriends, seedStore } from './seed-store';
import { median, report, round } from './stats';
import { at } from '../at';
import type { Fingerprint } from '../../src/core/identity/fingerprint';
import { envelopeIdFromBytes } from '../../src/core/envelope/envelope-id';
import { newMessageId } from '../../src/core/messages/message-id';

import { startMurmur } from '../browsers/first-run';
import { answerHelp, sizeFlag } from '../cli-help';

answerHelp(`npm run bench:popup [-- --posts 10000 --friends 500 --runs 5]

The built popup over a large seeded store: first paint and full lists of the feed, chats and
friends, and the full tab. A table, then one JSON line.`);
const POSTS = sizeFlag('posts', 10_000);
const FRIENDS = sizeFlag('friends', 500);
const RUNS = sizeFlag('runs', 5);
const DMS_PER_FRIEND = 4;
/** The feed's page (PAGE in src/popup/feed-view.tsx). */
const FEED_PAGE = 20;
/** Only in the benchmark's own build: the popup's page with an empty script. */
const BLANK_PAGE = 'bench-blank.html';

const dist = await mkdtemp(join(tmpdir(), 'murmur-bench-popup-'));
await buildAll({ dist });
const extensionDir = join(dist, 'chromium');
const popupHtml = await readFile(join(extensionDir, 'popup.html'), 'utf8');
await writeFile(join(extensionDir, BLANK_PAGE), popupHtml.replace('popup.js', 'bench-blank.js'));
await writeFile(join(extensionDir, 'bench-blank.js'), '');
const browser = await launchChromium({
  extensionDir,
  profile: 'bench-popup',
  headless: true,
});
try {
  const setup = await browser.openExtensionPage('popup.html');
  await startMurmur(setup, 'Reader');
  const me = await setup.evaluate(async () => {
    const g = globalThis as unknown as { chrome: typeof chrome };
    const reply = await g.chrome.runtime.sendMessage<
      unknown,
      { value: { fingerprint: Fingerprint } }
    >({
      murmur: 1,
      channel: 'ui',
      type: 'identity.get',
      payload: {},
    });
    return reply.value.fingerprint;
  }, null);

  // 500 friends with real keys, their posts and conversations.
  const { friends, contacts } = await makeFriends(FRIENDS);
  const start = Date.now() - POSTS * 60_000;
  const messages: StoredMessage[] = [];
  for (let i = 0; i < POSTS; i++) {
    const author = at(friends, i % FRIENDS);
    const createdAt = start + i * 60_000;
    messages.push({
      id: envelopeIdFromBytes(randomBytes(32)),
      authorFingerprint: author.fingerprintHex,
      kind: 'post',
      message: encodeMessage({
        kind: 'post',
        id: newMessageId(),
        createdAt,
        text: `Post ${i}: ${'a day out in the hills, '.repeat(6)}`,
        thumbnails: [],
        audience: { kind: 'all-friends' },
        mirroredFrom: null,
      }),
      conversationWith: null,
      receivedAt: createdAt,
      signedData: new Uint8Array(64),
      signature: new Uint8Array(64),
    });
  }
  for (const [i, f] of friends.entries())
    for (let k = 0; k < DMS_PER_FRIEND; k++)
      messages.push({
        id: envelopeIdFromBytes(randomBytes(32)),
        authorFingerprint: k % 2 ? me : f.fingerprintHex,
        kind: 'direct',
        message: encodeMessage({
          kind: 'direct',
          id: newMessageId(),
          createdAt: start + i * 1000 + k,
          text: `message ${k}`,
        }),
        conversationWith: f.fingerprintHex,
        receivedAt: start + i * 1000 + k,
        signedData: null,
        signature: null,
      });

  await seedStore(setup, contacts, messages);
  await setup.close();
  // As after a browser restart: the background loads 500 friends from the store.
  await browser.stopServiceWorkers();
  const warm = await browser.openExtensionPage('options.html');
  await warm.waitFor(() => !!document.querySelector('[data-state]'), null, 60_000);
  await warm.close();

  const paints: number[] = [];
  const ready: number[] = [];
  const chats: number[] = [];
  const chatsWhole: number[] = [];
  const blank: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    // The browser's own part: a page with our stylesheet and an empty script, to its first frame.
    const empty = await browser.openExtensionPage(BLANK_PAGE);
    blank.push(
      await empty.evaluate(async () => {
        await new Promise((resolve) => requestAnimationFrame(resolve));
        return performance.now();
      }, null),
    );
    await empty.close();
    const popup = await browser.openExtensionPage('popup.html');
    // Watched from inside the page, every frame: the time is the page's own clock.
    const feedAt = await popup.evaluate(async (page) => {
      for (;;) {
        if (document.querySelectorAll('[data-testid=feed] > li').length >= page)
          return performance.now();
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
    }, FEED_PAGE);
    // The paint entry is delivered after its frame, maybe after the feed was seen: wait for it
    // (bounded), and leave out an open that never reports one rather than count it as -1.
    const paint = await popup.evaluate(
      () =>
        new Promise<number>((resolve) => {
          new PerformanceObserver((list, observer) => {
            const entry = list.getEntriesByName('first-contentful-paint')[0];
            if (!entry) return;
            observer.disconnect();
            resolve(entry.startTime);
          }).observe({ type: 'paint', buffered: true });
          setTimeout(() => resolve(-1), 2_000);
        }),
      null,
    );
    if (paint >= 0) paints.push(paint);
    if (run === 0) {
      // Paging back works over the big store: the next page arrives on a click. Clicked from
      // inside the page: while the feed still renders its rows, the button moves under a
      // pointer (on a busy machine, for long enough that a pointer click gives up). Whether a
      // person can click it is test/e2e/feed-paging.chromium.test.ts's to show.
      await popup.waitFor(() => !!document.getElementById('feed-older'), null, 60_000);
      await popup.evaluate(() => document.getElementById('feed-older')?.click(), null);
      await popup.waitFor(
        (page) => document.querySelectorAll('[data-testid=feed] > li').length >= 2 * page,
        FEED_PAGE,
        60_000,
      );
    }
    ready.push(feedAt);
    // The chats list: from choosing the tab to its rows with their last messages filling the
    // screen, and then to every friend's row.
    const [screen, whole] = await popup.evaluate(async (friends) => {
      const tab = document.getElementById('tab-chats');
      const started = performance.now();
      tab?.click();
      let screenAt = -1;
      for (;;) {
        const rows = document.querySelectorAll('.conversations > li .last-message');
        const last = rows[rows.length - 1];
        if (screenAt < 0 && last && last.getBoundingClientRect().top >= innerHeight)
          screenAt = performance.now() - started;
        if (rows.length >= friends) {
          const wholeAt = performance.now() - started;
          return [screenAt < 0 ? wholeAt : screenAt, wholeAt];
        }
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
    }, FRIENDS);
    chats.push(screen);
    chatsWhole.push(whole);
    await popup.close();
  }
  // The full tab: the feed's first page and, beside it, the friends list filling the screen;
  // then every friend in it.
  const tabReady: number[] = [];
  const tabWhole: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    // A tab as wide as a laptop's screen: the friends list beside the feed.
    const wide = await browser.context.newPage();
    await wide.setViewportSize({ width: 1280, height: 800 });
    await wide.goto(`chrome-extension://${browser.extensionId}/murmur.html`);
    const tab = wrapPlaywrightPage(wide);
    const [screen, whole] = await tab.evaluate(
      async ({ friends, page }) => {
        let screenAt = -1;
        for (;;) {
          const feed = document.querySelectorAll('[data-testid=feed] > li').length >= page;
          const rows = document.querySelectorAll('[data-testid=friends] > li');
          const last = rows[rows.length - 1];
          if (feed && screenAt < 0 && last && last.getBoundingClientRect().top >= innerHeight)
            screenAt = performance.now();
          if (feed && rows.length >= friends)
            return [screenAt < 0 ? performance.now() : screenAt, performance.now()];
          await new Promise((resolve) => requestAnimationFrame(resolve));
        }
      },
      { friends: FRIENDS, page: FEED_PAGE },
    );
    tabReady.push(screen);
    tabWhole.push(whole);
    await tab.close();
  }
  const popupKbGz = gzipSync(readFileSync(join(extensionDir, 'popup.js'))).length / 1024;
  report(
    `Popup over ${POSTS} posts from ${FRIENDS} friends and ${FRIENDS} conversations (Chromium)`,
    [
      { metric: 'blank_page_ms', value: round(median(blank), 1), unit: 'ms' },
      { metric: 'first_paint_ms', value: round(median(paints), 1), unit: 'ms' },
      { metric: 'feed_ready_ms', value: round(median(ready), 1), unit: 'ms', target: '≤ 100' },
      { metric: 'chats_ready_ms', value: round(median(chats), 1), unit: 'ms', target: '≤ 100' },
      { metric: 'chats_all_rows_ms', value: round(median(chatsWhole), 1), unit: 'ms' },
      { metric: 'tab_ready_ms', value: round(median(tabReady), 1), unit: 'ms', target: '≤ 150' },
      { metric: 'tab_all_rows_ms', value: round(median(tabWhole), 1), unit: 'ms' },
      { metric: 'popup_js_kb_gz', value: round(popupKbGz, 1), unit: 'KB', target: '≤ 60' },
    ],
    {
      runs: ready.length,
      feed_ready_all_ms: ready.map((v) => round(v, 1)),
      chats_ready_all_ms: chats.map((v) => round(v, 1)),
      tab_ready_all_ms: tabReady.map((v) => round(v, 1)),
    },
  );
} finally {
  await browser.close();
  await rm(dist, { recursive: true, force: true });
}
process.exit(0);
