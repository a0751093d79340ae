/**
 * The feed shows its newest page first and brings older posts as the reader scrolls towards the
 * end — no click needed, none lost or shown twice — until the first post, where "Show older"
 * goes away. 45 posts from two friends, seeded into the profile's store as the background
 * writes them, then read after a restart of the background.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { DIST } from '../../tools/build';
import { launchChromium, type ChromiumExtensionBrowser } from '../../tools/browsers/chromium';
import { startMurmur } from '../../tools/browsers/first-run';
import { makeFriends, seedStore } from '../../tools/bench/seed-store';
import { encodeMessage } from '../../src/core/messages/codec';
import { envelopeIdFromBytes } from '../../src/core/envelope/envelope-id';
import { newMessageId } from '../../src/core/messages/message-id';
import { randomBytes } from '../../src/core/bytes';
import type { StoredMessage } from '../../src/core/state/records';
import { at } from '../../tools/at';

const POSTS = 45;

const feedTexts = () =>
  [...document.querySelectorAll('[data-testid=feed] [data-testid=message-text]')].map(
    (e) => e.textContent ?? '',
  );

describe('the feed pages back as the reader scrolls (chromium)', () => {
  let browser: ChromiumExtensionBrowser | null = null;
  afterAll(async () => browser?.close());

  it('shows the newest posts first and every older one on scrolling, once each', async () => {
    browser = await launchChromium({
      extensionDir: join(DIST, 'chromium'),
      profile: 'feed-paging',
      headless: true,
    });
    const setup = await browser.openExtensionPage('popup.html');
    await startMurmur(setup, 'Reader');
    const { friends, contacts } = await makeFriends(2);
    const start = Date.now() - POSTS * 60_000;
    const posts: StoredMessage[] = Array.from({ length: POSTS }, (_, i) => ({
      id: envelopeIdFromBytes(randomBytes(32)),
      authorFingerprint: at(friends, i % 2).fingerprintHex,
      kind: 'post',
      message: encodeMessage({
        kind: 'post',
        id: newMessageId(),
        createdAt: start + i * 60_000,
        text: `Post ${i}`,
        thumbnails: [],
        audience: { kind: 'all-friends' },
        mirroredFrom: null,
      }),
      conversationWith: null,
      receivedAt: start + i * 60_000,
      signedData: new Uint8Array(64),
      signature: new Uint8Array(64),
    }));
    await seedStore(setup, contacts, posts);
    await setup.close();
    await browser.stopServiceWorkers();

    const popup = await browser.openExtensionPage('popup.html');
    // The first screen: the newest page, newest first, with a way to older posts.
    await popup.waitFor(() => document.querySelector('#feed-older') !== null, null, 20_000);
    const first = await popup.evaluate(feedTexts, null);
    expect(first.length).toBeLessThan(POSTS);
    expect(first[0]).toBe(`Post ${POSTS - 1}`);

    // The reader scrolls to the end, again and again: older posts come without a click.
    await popup.waitFor(
      (total) => {
        const items = document.querySelectorAll('[data-testid=feed] > li');
        items[items.length - 1]?.scrollIntoView();
        return items.length >= total;
      },
      POSTS,
      20_000,
    );
    const all = await popup.evaluate(feedTexts, null);
    expect(all).toEqual(Array.from({ length: POSTS }, (_, i) => `Post ${POSTS - 1 - i}`));
    // At the first post there is nothing older to offer.
    await popup.waitFor(() => document.querySelector('#feed-older') === null, null);
  });
});
