/**
 * A person's first minutes with Murmur, by clicks and typing only: start, exchange contact
 * cards, see the friend online, post, read the friend's post, chat. User text that looks like
 * HTML stays text.
 */
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gradientPng } from './harness/png';
import type { BrowserKind, ExtensionPage } from '../../tools/browsers/extension-page';
import { launchProfile, screenshot, useTracker } from './harness/profiles';
import { cardOf, onboard } from './harness/onboarding';
import { waitForText } from './harness/scene';
import { startTrackerProcess, type TrackerProcess } from './harness/tracker-process';
import type { ExtensionBrowser } from '../../tools/browsers/extension-page';

const XSS = '<img src=x onerror="document.title=\'owned\'"><b>bold?</b>';

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
      // Carol's system is dark: her screenshots show the dark theme, Alice's the light one.
      const [alice, bob, carol] = await Promise.all([
        launchProfile(kind, 'alice'),
        launchProfile(kind, 'bob'),
        launchProfile(kind, 'carol', {}, 'dark'),
      ]);
      browsers.push(alice!, bob!, carol!);
      await Promise.all([alice, bob, carol].map((p) => useTracker(p!, tracker.url)));
      const a = await onboard(alice!, 'Alice');
      const b = await onboard(bob!, 'Bob');
      const c = await onboard(carol!, 'Carol');

      // Alice and Bob, and Alice and Carol, each paste the other's card.
      const befriend = async (x: ExtensionPage, y: ExtensionPage) => {
        const [cardX, cardY] = [await cardOf(x), await cardOf(y)];
        await x.fill('#friend-card', cardY);
        await x.click('#friend-intro ~ button[type=submit]');
        await y.fill('#friend-card', cardX);
        await y.click('#friend-intro ~ button[type=submit]');
      };
      // Alice asks Bob with a few words; Bob sees who asks and accepts.
      await a.fill('#friend-card', await cardOf(b));
      await a.fill('#friend-intro', 'Hi Bob, it is Alice from the climbing club');
      await a.click('#friend-intro ~ button[type=submit]');
      expect(await a.textOf('[role=status]')).toContain('Bob');
      // If Alice's first call finds Bob not yet registered, the next presence round (every 15 s)
      // finds him: on a loaded machine that can take past 20 s.
      const intro = await b.waitFor(
        () => document.querySelector('[data-testid=requests] .text')?.textContent ?? null,
        null,
        45_000,
      );
      expect(intro).toBe('Hi Bob, it is Alice from the climbing club');
      await screenshot(bob!, b, 'friend-request');
      await b.click('[data-testid=requests] [data-action=accept]');
      await b.waitFor(
        () => !!document.querySelector('[data-testid=friends] [data-online=true]'),
        null,
        20_000,
      );
      // Alice and Carol both paste each other's card: friends without a request to answer.
      await befriend(a, c);
      await a.waitFor(
        () => document.querySelectorAll('[data-testid=friends] [data-online=true]').length === 2,
        null,
        20_000,
      );
      await screenshot(alice!, a, 'friends');
      await screenshot(carol!, c, 'friends');

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
      // Bob answers privately (only Alice sees it); Alice answers in public (all her audience).
      await b.click('[data-testid=feed] [data-action=reply]');
      await b.fill('[data-testid=feed] .reply-form input.reply-text', 'Looks great!');
      await b.click('[data-testid=feed] .reply-form .only-author input');
      await b.click('[data-testid=feed] .reply-form button[type=submit]');
      await waitForText(a, '[data-testid=replies]', 'Looks great!');
      expect(await a.textOf('[data-testid=replies] .meta')).toContain('private');
      await a.click('[data-testid=feed] [data-action=reply]');
      await a.fill('[data-testid=feed] .reply-form input.reply-text', 'Thanks, all');
      await a.click('[data-testid=feed] .reply-form button[type=submit]');
      await waitForText(b, '[data-testid=replies]', 'Thanks, all');
      // Bob answers Alice's reply, in public: it sits under that reply, in a thread, on Alice's
      // side — and Carol, who does not know Bob, gets it from Alice (checked below).
      const thanks = await b.waitFor(
        () =>
          [...document.querySelectorAll('[data-testid=replies] li.thread')].findIndex((li) =>
            li.textContent?.includes('Thanks, all'),
          ) + 1,
        null,
      );
      await b.click(`[data-testid=replies] li.thread:nth-child(${thanks}) [data-action=reply-to]`);
      await b.fill(
        '[data-testid=replies] li.thread .reply-form input.reply-text',
        'See you Saturday',
      );
      await b.click('[data-testid=replies] li.thread .reply-form button[type=submit]');
      await a.waitFor(
        () =>
          [...document.querySelectorAll('[data-testid=replies] li.thread')].some(
            (li) =>
              li.querySelector(':scope > ul:first-child')?.textContent?.includes('Thanks, all') &&
              li.querySelector('.nested')?.textContent?.includes('See you Saturday'),
          ),
        null,
        20_000,
      );
      await screenshot(bob!, b, 'feed');

      // A post for Bob only: it reaches Bob's feed and never Carol's (whose feed gets the
      // next post to everyone, so it is live).
      const postTo = async (text: string, onlyBob: boolean, picture?: string) => {
        await a.fill('#compose', text);
        if (picture) {
          await a.setInputFile('#compose-pictures', picture);
          await a.waitFor(() => document.querySelector('.picture-preview img') !== null, null);
        }
        if (onlyBob) {
          await a.click('#audience-chosen');
          // The checkbox labelled "Bob".
          const bobFp = await a.waitFor(
            () =>
              [...document.querySelectorAll('fieldset.audience label.indent')]
                .find((l) => l.textContent?.includes('Bob'))
                ?.querySelector('input')
                ?.getAttribute('data-fingerprint') ?? null,
            null,
          );
          await a.click(`fieldset.audience input[data-fingerprint="${bobFp}"]`);
          // …and keeps that choice as a list for later.
          await a.fill('#list-name', 'Climbing partners');
          await a.click('#save-list');
          await a.waitFor(() => !!document.querySelector('#audience-list-0:checked'), null);
        } else await a.click('#audience-all');
        await a.click('#compose ~ button[type=submit]');
      };
      await postTo('Just for Bob', true);
      const picture = join(tmpdir(), `murmur-ui-${process.pid}.png`);
      await writeFile(picture, gradientPng(800, 500));
      await postTo('For everyone again', false, picture);
      await c.click('#tab-feed');
      // Bob's public answer, passed on by Alice, under her reply; his private one nowhere.
      await waitForText(c, '[data-testid=replies] .nested', 'See you Saturday');
      expect(await c.textOf('[data-testid=replies] .nested [data-testid=shared-by]')).toContain(
        'Alice',
      );
      expect(await c.textOf('[data-testid=replies] .nested .meta')).toContain('Bob');
      const feedText = (page: ExtensionPage) =>
        page.evaluate(() => document.querySelector('[data-testid=feed]')?.textContent ?? '', null);
      // The saved list, picked by name: Bob again, not Carol.
      await a.fill('#compose', 'For the climbing partners');
      await a.click('#audience-list-0');
      await a.click('#compose ~ button[type=submit]');
      await waitForText(b, '[data-testid=feed]', 'For the climbing partners');
      await waitForText(c, '[data-testid=feed]', 'For everyone again');
      await waitForText(b, '[data-testid=feed]', 'For everyone again');
      // Alice's post says it reached both friends.
      await a.waitFor(
        () =>
          [...document.querySelectorAll('[data-testid=feed] > li')]
            .find((li) => li.textContent?.includes('For everyone again'))
            ?.querySelector('[data-testid=delivery]')
            ?.textContent?.includes('Delivered to all 2') ?? false,
        null,
        20_000,
      );
      // The picture, shrunk in Alice's popup, shows in Carol's feed (decoded: it has a size).
      const shownPicture = await c.waitFor(() => {
        const img = document.querySelector<HTMLImageElement>('[data-testid=feed] img.thumbnail');
        return img?.complete && img.naturalWidth > 0 ? [img.naturalWidth, img.naturalHeight] : null;
      }, null);
      expect(shownPicture).toEqual([640, 400]);
      expect(await feedText(b)).toContain('Just for Bob');
      expect(await feedText(c)).not.toContain('Just for Bob');
      expect(await feedText(c)).not.toContain('For the climbing partners');
      await waitForText(c, '[data-testid=feed]', 'Thanks, all');
      expect(await feedText(c)).not.toContain('Looks great!');
      // What arrived since Carol last looked is marked new; looking again clears the marks.
      const newMarks = (page: ExtensionPage) =>
        page.evaluate(
          () => document.querySelectorAll('[data-testid=feed] li[data-new=true]').length,
          null,
        );
      expect(await newMarks(c)).toBe(2);
      await screenshot(carol!, c, 'feed');
      const carolAgain = await carol!.openExtensionPage('popup.html');
      await carolAgain.waitFor(
        () => document.querySelectorAll('[data-testid=feed] > li').length === 2,
        null,
      );
      expect(await newMarks(carolAgain)).toBe(0);
      await carolAgain.close();
      await a.click('#tab-feed');
      await screenshot(alice!, a, 'feed');

      // A chat exchange.
      const openChatWith = async (page: ExtensionPage, name: string) => {
        const fp = await page.waitFor(
          (n) =>
            [...document.querySelectorAll('[role=group] button')]
              .find((el) => el.textContent?.startsWith(n))
              ?.getAttribute('data-fingerprint') ?? null,
          name,
        );
        await page.click(`[role=group] button[data-fingerprint="${fp}"]`);
      };
      await a.click('#tab-chats');
      await openChatWith(a, 'Bob');
      await a.fill('#chat-input', 'Coffee tomorrow?');
      await a.click('#chat-input ~ button[type=submit]');
      await b.click('#tab-chats');
      // Before Bob opens it, the conversation shows one unread message.
      const unread = await b.waitFor(
        () => document.querySelector('[role=group] button .count')?.textContent?.trim() ?? null,
        null,
        20_000,
      );
      expect(unread).toBe('1');
      await openChatWith(b, 'Alice');
      await waitForText(b, '[data-testid=conversation]', 'Coffee tomorrow?');
      // Alice sees her message delivered (Bob's receipt came back).
      await a.waitFor(
        () =>
          document.querySelector(
            '[data-testid=conversation] [data-testid=delivery][data-state=delivered]',
          ) !== null,
        null,
        20_000,
      );
      await b.fill('#chat-input', 'Sure, 10am');
      await b.click('#chat-input ~ button[type=submit]');
      await waitForText(a, '[data-testid=conversation]', 'Sure, 10am');
      await screenshot(alice!, a, 'chat');
      await c.click('#tab-chats');
      await openChatWith(c, 'Alice');
      await screenshot(carol!, c, 'chat');

      // Friends of friends: off by default; once Alice shares, Carol sees that Bob is a friend of
      // Alice's (not hers); when Alice stops, it is gone again.
      const theirFriends = () =>
        c.evaluate(
          () =>
            [...document.querySelectorAll('[data-testid=friends] li')]
              .find((li) => li.textContent?.includes('Alice'))
              ?.querySelector('[data-testid=their-friends]')?.textContent ?? '',
          null,
        );
      await c.click('#tab-friends');
      expect(await theirFriends()).toBe('');
      const aliceOptions = await alice!.openExtensionPage('options.html');
      await aliceOptions.click('#fof-share');
      await c.waitFor(
        () =>
          [...document.querySelectorAll('[data-testid=friends] li')]
            .find((li) => li.textContent?.includes('Alice'))
            ?.querySelector('[data-testid=their-friends]')
            ?.textContent?.includes('Bob') ?? false,
        null,
        20_000,
      );
      expect(await theirFriends()).not.toContain('Carol'); // herself, left out
      await aliceOptions.click('#fof-share');
      await c.waitFor(
        () =>
          !(
            [...document.querySelectorAll('[data-testid=friends] li')]
              .find((li) => li.textContent?.includes('Alice'))
              ?.querySelector('[data-testid=their-friends]') ?? null
          ),
        null,
        20_000,
      );
      await aliceOptions.close();

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

      // Alice and Bob compare the same 30 digits; then Alice blocks Carol.
      await a.click('#tab-friends');
      const safetyFor = (page: ExtensionPage, name: string) =>
        page.waitFor(
          (n) =>
            [...document.querySelectorAll('[data-testid=friends] li')]
              .find((li) => li.textContent?.includes(n))
              ?.querySelector('[data-testid=safety-number]')?.textContent ?? null,
          name,
        );
      const bobsPage = await bob!.openExtensionPage('popup.html');
      await bobsPage.click('#tab-friends');
      const [fromAlice, fromBob] = [await safetyFor(a, 'Bob'), await safetyFor(bobsPage, 'Alice')];
      expect(fromAlice).toMatch(/^\d{5}( \d{5}){5}$/);
      expect(fromAlice).toBe(fromBob);
      const carolFp = await a.waitFor(
        () =>
          [...document.querySelectorAll('[data-testid=friends] li')]
            .find((li) => li.textContent?.includes('Carol'))
            ?.getAttribute('data-fingerprint') ?? null,
        null,
      );
      await a.click(`[data-fingerprint="${carolFp}"] summary`);
      await a.click(`[data-fingerprint="${carolFp}"] [data-action=block]`);
      await a.waitFor(
        (fp) => !document.querySelector(`[data-testid=friends] [data-fingerprint="${fp}"]`),
        carolFp,
      );
    });
  });
}
