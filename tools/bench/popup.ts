/**
 * `npm run bench:popup`: the built popup in headless Chromium over a store holding 10,000 posts
 * from 500 friends and 500 conversations. The store is seeded straight into the profile's
 * IndexedDB (records as the background writes them), then the background is restarted so it
 * loads those friends like after a browser restart. Each popup open is timed from navigation:
 * first contentful paint, the feed showing its first page (100 posts), and the chats list with
 * every conversation's last message from choosing its tab; then the full tab (murmur.html) until
 * the feed's first page and the whole friends list beside it show. Five opens each; medians.
 */
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from '../../src/core/bytes';
import { encodeMessage } from '../../src/core/messages/codec';
import type { StoredMessage } from '../../src/core/state/records';
import { launchChromium } from '../browsers/chromium';
import { buildAll, DIST } from '../build';
import { makeFriends, seedStore } from './seed-store';
import { median, report, round } from './stats';
import { at } from '../at';
import type { Fingerprint } from '../../src/core/identity/fingerprint';
import { envelopeIdFromBytes } from '../../src/core/envelope/envelope-id';
import { newMessageId } from '../../src/core/messages/message-id';

import { startMurmur } from '../browsers/first-run';
const POSTS = 10_000;
const FRIENDS = 500;
const DMS_PER_FRIEND = 4;

await buildAll();
const browser = await launchChromium({
  extensionDir: join(DIST, 'chromium'),
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
  for (let run = 0; run < 5; run++) {
    const popup = await browser.openExtensionPage('popup.html');
    // Watched from inside the page, every frame: the time is the page's own clock.
    const feedAt = await popup.evaluate(async () => {
      for (;;) {
        if (document.querySelectorAll('[data-testid=feed] > li').length >= 100)
          return performance.now();
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
    }, null);
    const paint = await popup.evaluate(
      () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1,
      null,
    );
    paints.push(paint);
    if (run === 0) {
      // Paging back works over the big store: the next 100 arrive on a click.
      await popup.click('#feed-older');
      await popup.waitFor(
        () => document.querySelectorAll('[data-testid=feed] > li').length >= 200,
        null,
        10_000,
      );
    }
    ready.push(feedAt);
    // The chats list: from choosing the tab to every friend's row with its last message.
    chats.push(
      await popup.evaluate(async (friends) => {
        const tab = [...document.querySelectorAll<HTMLElement>('[role=tab]')].find(
          (el) => el.id === 'tab-chats',
        );
        const started = performance.now();
        tab?.click();
        for (;;) {
          const rows = document.querySelectorAll('.conversations > li .last-message');
          if (rows.length >= friends) return performance.now() - started;
          await new Promise((resolve) => requestAnimationFrame(resolve));
        }
      }, FRIENDS),
    );
    await popup.close();
  }
  // The full tab: the feed's first page and, beside it, every friend in the friends list.
  const tabReady: number[] = [];
  for (let run = 0; run < 5; run++) {
    const tab = await browser.openExtensionPage('murmur.html');
    tabReady.push(
      await tab.evaluate(async (friends) => {
        for (;;) {
          if (
            document.querySelectorAll('[data-testid=feed] > li').length >= 100 &&
            document.querySelectorAll('[data-testid=friends] > li').length >= friends
          )
            return performance.now();
          await new Promise((resolve) => requestAnimationFrame(resolve));
        }
      }, FRIENDS),
    );
    await tab.close();
  }
  const popupKbGz = gzipSync(readFileSync(join(DIST, 'chromium', 'popup.js'))).length / 1024;
  report(
    `Popup over ${POSTS} posts from ${FRIENDS} friends and ${FRIENDS} conversations (Chromium)`,
    [
      { metric: 'first_paint_ms', value: round(median(paints), 1), unit: 'ms' },
      { metric: 'feed_ready_ms', value: round(median(ready), 1), unit: 'ms', target: '≤ 100' },
      { metric: 'chats_ready_ms', value: round(median(chats), 1), unit: 'ms', target: '≤ 100' },
      { metric: 'tab_ready_ms', value: round(median(tabReady), 1), unit: 'ms', target: '≤ 150' },
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
}
process.exit(0);
