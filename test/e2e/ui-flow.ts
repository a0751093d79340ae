/**
 * A person's first minutes with Murmur, by clicks and typing only: start, exchange contact
 * cards, see the friend online, post, read the friend's post, chat. User text that looks like
 * HTML stays text.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { BrowserKind, ExtensionPage } from '../../tools/browsers/extension-page';
import { launchProfile, screenshot, useTracker } from './harness/profiles';
import { startTrackerProcess, type TrackerProcess } from './harness/tracker-process';
import type { ExtensionBrowser } from '../../tools/browsers/extension-page';

const XSS = '<img src=x onerror="document.title=\'owned\'"><b>bold?</b>';

async function onboard(browser: ExtensionBrowser, name: string): Promise<ExtensionPage> {
  const popup = await browser.openExtensionPage('popup.html');
  await popup.fill('#display-name', name);
  await popup.click('form button[type=submit]');
  // Next step after starting: the Friends tab with our own card.
  await popup.waitFor(
    () =>
      (document.querySelector('#my-card') as HTMLTextAreaElement | null)?.value.startsWith(
        'murmur1.',
      ) ?? false,
    null,
    20_000,
  );
  return popup;
}

const cardOf = (popup: ExtensionPage) =>
  popup.evaluate(() => (document.querySelector('#my-card') as HTMLTextAreaElement).value, null);

export function uiFlowSuite(kind: BrowserKind): void {
  describe(`the popup, by hand (${kind})`, () => {
    let tracker: TrackerProcess;
    const browsers: ExtensionBrowser[] = [];
    afterAll(async () => {
      await Promise.all(browsers.map((b) => b.close()));
      await tracker?.stop();
    });

    it('start, add a friend by card, post, read, chat — text stays text', async () => {
      tracker = await startTrackerProcess();
      const [alice, bob] = await Promise.all(['alice', 'bob'].map((n) => launchProfile(kind, n)));
      browsers.push(alice!, bob!);
      await Promise.all([useTracker(alice!, tracker.url), useTracker(bob!, tracker.url)]);
      const a = await onboard(alice!, 'Alice');
      const b = await onboard(bob!, 'Bob');
      await screenshot(alice!, a, 'friends');

      // Each pastes the other's card.
      const [cardA, cardB] = [await cardOf(a), await cardOf(b)];
      await a.fill('#friend-card', cardB);
      await a.click('#friend-card ~ button[type=submit]');
      await b.fill('#friend-card', cardA);
      await b.click('#friend-card ~ button[type=submit]');
      expect(await a.textOf('[role=status]')).toContain('Bob');
      await a.waitFor(
        () => !!document.querySelector('[data-testid=friends] [data-online=true]'),
        null,
        20_000,
      );

      // Alice posts (with HTML-looking text); Bob reads it in his feed.
      await a.click('#tab-feed');
      await a.fill('#compose', XSS);
      await a.click('#compose ~ button[type=submit]');
      await b.click('#tab-feed');
      const shown = await b.waitFor(
        () =>
          document.querySelector('[data-testid=feed] [data-testid=message-text]')?.textContent ??
          null,
        null,
        20_000,
      );
      expect(shown).toBe(XSS);
      const injected = await b.evaluate(
        () =>
          document.querySelector('[data-testid=feed] img, [data-testid=feed] b') !== null ||
          document.title === 'owned',
        null,
      );
      expect(injected).toBe(false);
      await screenshot(bob!, b, 'feed');

      // A chat exchange.
      await a.click('#tab-chats');
      await a.click('[role=group] button');
      await a.fill('#chat-input', 'Coffee tomorrow?');
      await a.click('#chat-input ~ button[type=submit]');
      await b.click('#tab-chats');
      await b.click('[role=group] button');
      await b.waitFor(
        () =>
          document
            .querySelector('[data-testid=conversation]')
            ?.textContent?.includes('Coffee tomorrow?') ?? false,
        null,
        20_000,
      );
      await b.fill('#chat-input', 'Sure, 10am');
      await b.click('#chat-input ~ button[type=submit]');
      await a.waitFor(
        () =>
          document
            .querySelector('[data-testid=conversation]')
            ?.textContent?.includes('Sure, 10am') ?? false,
        null,
        20_000,
      );
      await screenshot(alice!, a, 'chat');

      // Bob closes his popup; a new message shows on his toolbar badge and as a notification.
      await b.close();
      const options = await bob!.openExtensionPage('options.html');
      const badge = () =>
        options.evaluate(async () => {
          const g = globalThis as unknown as { browser?: typeof chrome; chrome: typeof chrome };
          return (g.browser ?? g.chrome).action.getBadgeText({});
        }, null);
      const before = Number((await badge()) || 0);
      // Headless Firefox has no alert service: it closes a notification at once, so listen
      // for that too (Chromium keeps it in getAll()).
      await options.evaluate(() => {
        const g = globalThis as unknown as {
          browser?: typeof chrome;
          chrome: typeof chrome;
          closedNotifications: string[];
        };
        g.closedNotifications = [];
        (g.browser ?? g.chrome).notifications.onClosed.addListener((id: string) =>
          g.closedNotifications.push(id),
        );
      }, null);
      await a.fill('#chat-input', 'Are you there?');
      await a.click('#chat-input ~ button[type=submit]');
      await options.waitFor(
        async (n) => {
          const g = globalThis as unknown as { browser?: typeof chrome; chrome: typeof chrome };
          return (await (g.browser ?? g.chrome).action.getBadgeText({})) === String(n);
        },
        before + 1,
        20_000,
      );
      const notified = await options.waitFor(
        async () => {
          const g = globalThis as unknown as {
            browser?: typeof chrome;
            chrome: typeof chrome;
            closedNotifications: string[];
          };
          const shown = Object.keys(await (g.browser ?? g.chrome).notifications.getAll());
          return [...shown, ...g.closedNotifications].some((id) => id.startsWith('murmur-'));
        },
        null,
        10_000,
      );
      expect(notified).toBe(true);
      // Opening the popup clears the badge.
      const again = await bob!.openExtensionPage('popup.html');
      await options.waitFor(
        async () => {
          const g = globalThis as unknown as { browser?: typeof chrome; chrome: typeof chrome };
          return (await (g.browser ?? g.chrome).action.getBadgeText({})) === '';
        },
        null,
        10_000,
      );
      await again.close();
    });
  });
}
