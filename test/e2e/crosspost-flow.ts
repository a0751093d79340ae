/**
 * Cross-posting from Facebook, in a real browser with the real content script on real
 * https://www.facebook.com and https://m.facebook.com URLs (fixture pages served by request
 * interception). Alice publishes on Facebook; Bob, her Murmur friend in another profile, sees it
 * — or not — as her settings say.
 */
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../tools/build';
import {
  pollInPage,
  type BrowserKind,
  type ExtensionPage,
  type WebResponse,
} from '../../tools/browsers/extension-page';
import { friendsOnline } from './harness/person';
import { gradientPng } from './harness/png';
import { screenshot } from './harness/profiles';
import { scene } from './harness/scene';
import { step } from './harness/step';

const FIXTURES = join(ROOT, 'test/e2e/fixtures/facebook');
const PAGES: Record<string, string> = {
  'https://www.facebook.com/': 'desktop.html',
  'https://m.facebook.com/': 'mobile.html',
  'https://www.facebook.com/redesign': 'unrecognisable.html',
  'https://www.facebook.com/hostile': 'hostile.html',
};
function serve(url: string): WebResponse | null {
  const page = PAGES[url.split('#')[0]!.split('?')[0]!];
  return page
    ? { body: readFileSync(join(FIXTURES, page), 'utf8'), contentType: 'text/html' }
    : null;
}

/** Nothing of Murmur's is drawn in Facebook's page: the question has a window of its own. */
const drawsInPage = (page: ExtensionPage) =>
  page.evaluate(
    () => [...document.querySelectorAll('*')].some((e) => e.tagName.startsWith('MURMUR')),
    null,
  );

/** Waits until the share window has closed itself (every pending post answered). */
const closedItself = (share: ExtensionPage) =>
  pollInPage(() => share.isClosed(), 15_000, 'the share window to close');

/** Waits for the Share button to be enabled: it is held back a moment after a post appears. */
const armed = (share: ExtensionPage) =>
  share.waitFor(
    () =>
      [...document.querySelectorAll('button')].some(
        (b) => b.textContent === 'Share' && !b.disabled,
      ),
    null,
  );

export function crosspostSuite(kind: BrowserKind): void {
  describe(`Facebook cross-posting (${kind})`, () => {
    const setting = scene('facebook');

    it('automatic, ask and off do what they say; the question is asked in a Murmur window a page cannot reach and Enter does not answer; unknown composers and page scripts send nothing', async () => {
      const { alice, bob, picture } = await step(
        'Alice and Bob are Murmur friends, online',
        async () => {
          const { tracker, scratch } = await setting.start();
          const picture = join(scratch, 'crag.png');
          await writeFile(picture, gradientPng(320, 200));
          const alice = setting.person('alice', kind);
          const bob = setting.person('bob', kind);
          await friendsOnline([alice, bob], ['Alice', 'Bob'], tracker.url);
          return { alice, bob, picture };
        },
      );
      const alicesPosts = async () =>
        (await alice.ui('messages.list', { kind: 'post' }))
          .filter((m) => m.mine)
          .map((m) => m.text);
      const bobGets = (text: string) =>
        bob.until(
          'messages.list',
          { kind: 'post' },
          (m) => m.some((p) => p.text === text),
          `Bob gets "${text}"`,
          30_000,
        );

      const options = await step('Options › Facebook: off at first, then automatic', async () => {
        const page = await alice.browser!.openExtensionPage('options.html#crosspost');
        expect((await alice.ui('crosspost.get', {})).mode).toBe('off');
        return page;
      });
      const setMode = async (mode: 'off' | 'ask' | 'auto') => {
        await options.click(`#crosspost-${mode}`);
        await options.click('#crosspost-save');
        await alice.until('crosspost.get', {}, (v) => v.mode === mode, `mode ${mode}`);
      };
      await setMode('auto');

      const { desktop, mobile } = await step('Facebook opens, desktop and mobile', async () => ({
        desktop: await alice.browser!.openWebPage('https://www.facebook.com/', serve),
        mobile: await alice.browser!.openWebPage('https://m.facebook.com/', serve),
      }));
      const publishOnDesktop = async (text: string, withPicture = false) => {
        await desktop.click('#open-composer');
        await desktop.fill('[role=dialog] [role=textbox]', text);
        if (withPicture) await desktop.setInputFile('[role=dialog] input[type=file]', picture);
        await desktop.click('[role=dialog] [aria-label=Post]');
        await desktop.waitFor(
          (t) => document.querySelector('[role=feed]')?.textContent?.includes(t),
          text,
        );
      };
      const publishOnMobile = async (text: string) => {
        await mobile.fill('textarea[name=xc_message]', text);
        await mobile.click('input[type=submit]');
        await mobile.waitFor(
          (t) => document.querySelector('#m_newsfeed_stream')?.textContent?.includes(t),
          text,
        );
      };

      // The very first post is asked about, whatever the mode.
      await step("the first post is asked about in Murmur's window, and shared", async () => {
        await publishOnDesktop('First from Facebook: the crag at dawn', true);
        // Asked in Murmur's own window, which shows exactly what would be shared.
        const first = await alice.browser!.extensionWindow('share.html');
        expect(await first.textOf('[data-testid=share-text]')).toBe(
          'First from Facebook: the crag at dawn',
        );
        expect(
          await first.evaluate(() => document.querySelectorAll('img.thumbnail').length, null),
        ).toBe(1);
        expect(await drawsInPage(desktop)).toBe(false);
        expect(await alicesPosts()).not.toContain('First from Facebook: the crag at dawn');
        await screenshot(alice.browser!, first, 'crosspost-share-window');
        await first.clickButton('Share');
        await closedItself(first);
        const got = await bobGets('First from Facebook: the crag at dawn');
        const mirrored = got.find((p) => p.text.startsWith('First from Facebook'))!;
        expect(mirrored.authorName).toBe('Alice');
        expect(mirrored.mirroredFromFacebookAt).toBeGreaterThan(Date.now() - 120_000);
        expect(mirrored.thumbnails).toHaveLength(1);
        expect(mirrored.thumbnails[0]!.type).toBe('jpeg');
        expect(mirrored.thumbnails[0]!.width).toBe(320);
      });

      await step('automatic shares without asking', async () => {
        await publishOnDesktop('Second, shared automatically');
        await bobGets('Second, shared automatically');
        expect(await alice.ui('mirror.pending', {})).toBeNull();
      });

      await step('ask, on the mobile site: nothing leaves until Share', async () => {
        await setMode('ask');
        await publishOnMobile('Asked first, on mobile');
        const asked = await alice.browser!.extensionWindow('share.html');
        expect(await asked.textOf('[data-testid=share-text]')).toBe('Asked first, on mobile');
        expect(await alicesPosts()).not.toContain('Asked first, on mobile');
        await asked.clickButton('Share');
        await closedItself(asked);
        await bobGets('Asked first, on mobile');
      });

      // The old in-page prompt shared on Enter: now nothing has the focus.
      await step('Enter does not share; Skip leaves the post on Facebook only', async () => {
        await publishOnMobile('Asked, then skipped');
        const skipped = await alice.browser!.extensionWindow('share.html');
        await armed(skipped);
        await skipped.press('Enter');
        await skipped.clickButton('Skip');
        await closedItself(skipped);
        expect(await alice.ui('mirror.pending', {})).toBeNull();
        expect(await alicesPosts()).not.toContain('Asked, then skipped');
      });

      await step('off: no question, nothing sent', async () => {
        await setMode('off');
        await publishOnMobile('Off: Facebook only');
        // Options says what became of it (and so that Murmur saw it before the mode changes).
        await options.waitFor(
          () =>
            document
              .querySelector('[data-testid=crosspost-last-post]')
              ?.textContent?.includes('cross-posting is off'),
          null,
        );
        await setMode('auto');
        await publishOnMobile('Back on automatic');
        await bobGets('Back on automatic');
        // The later post arrived, so the earlier one was handled: not shared, not asked about.
        expect(await alice.ui('mirror.pending', {})).toBeNull();
      });

      await step('an unrecognised composer: a visible status, nothing sent', async () => {
        const redesign = await alice.browser!.openWebPage(
          'https://www.facebook.com/redesign',
          serve,
        );
        await redesign.click('#open-composer');
        await redesign.fill('[role=dialog] [contenteditable]', 'Posted in a redesign');
        await redesign.click('[aria-label="Publish now"]');
        await options.waitFor(
          () => document.querySelector('[data-testid=crosspost-unrecognised]')?.textContent,
          null,
          15_000,
        );
        expect(await options.textOf('[data-testid=crosspost-unrecognised]')).toContain(
          'not recognised since',
        );
        await screenshot(alice.browser!, options, 'crosspost-unrecognised');
      });

      await step('a hostile page script gets nothing and mirrors nothing', async () => {
        const hostile = await alice.browser!.openWebPage(
          'https://www.facebook.com/hostile#probe',
          serve,
        );
        const attacks = (await hostile.waitFor(
          () => {
            const r = (window as unknown as { __attacks?: { done: boolean } }).__attacks;
            return r?.done ? r : null;
          },
          null,
          15_000,
        )) as unknown as { replies: unknown[]; sendMessage: string; shadow: string; text: string };
        expect(attacks.replies).toEqual([]);
        expect(attacks.sendMessage).not.toBe('api present');
        expect(attacks.shadow).toBe('no prompt');
        expect(await drawsInPage(hostile)).toBe(false);

        const posts = await alicesPosts();
        for (const text of [
          'Off: Facebook only',
          'Asked, then skipped',
          'Posted in a redesign',
          'forged by the page',
        ])
          expect(posts).not.toContain(text);
        const bobs = (await bob.ui('messages.list', { kind: 'post' })).map((p) => p.text);
        expect(bobs).not.toContain('Off: Facebook only');
        expect(bobs).not.toContain('forged by the page');
      });

      await step("in Bob's feed: marked as from Facebook, with the picture", async () => {
        const feed = await bob.browser!.openExtensionPage('popup.html');
        await feed.waitFor(
          () => document.querySelector('[data-testid=feed] [data-testid=from-facebook]') !== null,
          null,
          15_000,
        );
        expect(await feed.textOf('[data-testid=feed] [data-testid=from-facebook]')).toContain(
          'from Facebook',
        );
        expect(
          await feed.evaluate(
            () => document.querySelectorAll('[data-testid=feed] img.thumbnail').length,
            null,
          ),
        ).toBe(1);
        await screenshot(bob.browser!, feed, 'feed-from-facebook');
      });
    });
  });
}
