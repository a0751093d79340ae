/** The feed: text that looks like HTML stays text; private and public answers and threads; posts to one friend, to a saved list and to everyone, with a picture; delivery; what is new. */
import { expect } from 'vitest';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gradientPng } from '../harness/png';
import type { ExtensionPage } from '../../../tools/browsers/extension-page';
import { screenshot } from '../harness/profiles';
import { waitForText } from '../harness/scene';
import type { SceneStep } from './scene';
import { expectAccessible } from '../harness/accessible';
import { deliveryDiagnosis } from '../harness/delivery-diagnosis';
import { gapAfterButton } from '../harness/layout';

export const XSS = '<img src=x onerror="document.title=\'owned\'"><b>bold?</b>';

const feedText = (page: ExtensionPage) =>
  page.evaluate(() => document.querySelector('[data-testid=feed]')?.textContent ?? '', null);

/**
 * Reads replies as a person does: replies are folded under "Show N replies", so the reader
 * opens any folded list, and the text counts only once it is on screen (innerText skips what
 * is hidden).
 */
const readReplies = (page: ExtensionPage, selector: string, text: string) =>
  page.waitFor(
    ([sel, want]) => {
      for (const fold of document.querySelectorAll<HTMLButtonElement>(
        '[data-action=show-replies][aria-expanded=false]',
      ))
        fold.click();
      return [...document.querySelectorAll<HTMLElement>(sel)].some((e) =>
        e.innerText.includes(want),
      );
    },
    [selector, text] as const,
    20_000,
  );

export const feedSteps: SceneStep[] = [
  {
    name: 'Alice posts HTML-looking text; Bob reads it as text',
    run: async ({ a, b }) => {
      await a.clickTab('Feed');
      await a.clickButton("What's new, Alice?");
      await a.fill('#compose', XSS);
      await a.clickButton('Post');
      // The composer folds back into its one line, and says it posted.
      await a.waitFor(() => document.querySelector('#compose') === null, null);
      expect(await a.textOf('[data-testid=feed-notice]')).toContain('Posted');
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
    },
  },
  {
    name: 'Bob answers privately, Alice in public, Bob to her reply',
    run: async ({ bob, a, b }) => {
      // Bob answers privately (only Alice sees it); Alice answers in public (all her audience).
      await b.click('[data-testid=feed] [data-action=reply]');
      await b.fill('[data-testid=feed] .reply-form input.reply-text', 'Looks great!');
      await b.click('[data-testid=feed] .reply-form .only-author input');
      await b.click('[data-testid=feed] .reply-form button[type=submit]');
      await readReplies(a, '[data-testid=replies]', 'Looks great!');
      // Sent: the form closes (it used to stay open).
      await b.waitFor(
        () => document.querySelector('[data-testid=feed] .reply-form') === null,
        null,
      );
      expect(await a.textOf('[data-testid=replies] .meta')).toContain('private');
      // Beside Bob's name, the picture he chose when he started (not his initials).
      await a.waitFor(
        () => document.querySelector('[data-testid=replies] .meta img.avatar') !== null,
        null,
      );
      await a.click('[data-testid=feed] [data-action=reply]');
      await a.fill('[data-testid=feed] .reply-form input.reply-text', 'Thanks, all');
      await a.click('[data-testid=feed] .reply-form button[type=submit]');
      await readReplies(b, '[data-testid=replies]', 'Thanks, all');
      // Under her own reply Alice may follow up; never "Answer You".
      const answerLabels = await a.evaluate(
        () => [...document.querySelectorAll('[data-action=reply-to]')].map((x) => x.textContent),
        null,
      );
      expect(answerLabels).toContain('Follow up');
      expect(answerLabels.join()).not.toContain('You');
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
      await screenshot(bob, b, 'feed');
    },
  },
  {
    name: 'Posts to Bob only, to a saved list and to everyone, with a picture',
    run: async ({ a, b, c }) => {
      // A post for Bob only: it reaches Bob's feed and never Carol's (whose feed gets the
      // next post to everyone, so it is live).
      const postTo = async (text: string, onlyBob: boolean, picture?: string) => {
        await a.clickButton("What's new, Alice?");
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
          await expectAccessible(a, 'composer, choosing friends');
          // …and keeps that choice as a list for later.
          await a.fill('#list-name', 'Climbing partners');
          await a.click('#save-list');
          await a.waitFor(() => !!document.querySelector('#audience-list-0:checked'), null);
        } else await a.click('#audience-all');
        await a.clickButton('Post');
      };
      await postTo('Just for Bob', true);
      const picture = join(tmpdir(), `murmur-ui-${process.pid}.png`);
      await writeFile(picture, gradientPng(800, 500));
      await postTo('For everyone again', false, picture);
      await c.click('#tab-feed');
      // Bob's public answer, passed on by Alice, under her reply; his private one nowhere.
      // Folded under the post until Carol opens them: Alice's reply and Bob's answer to it.
      await c.waitFor(
        () =>
          [...document.querySelectorAll('button')].some((b) => b.textContent === 'Show 2 replies'),
        null,
        20_000,
      );
      expect(await c.textOf('[data-testid=feed]')).not.toContain('See you Saturday');
      // "Show 2 replies" and "Reply" are two things to press, apart (they used to touch).
      expect(await gapAfterButton(c, 'Show 2 replies', 'Reply')).toBeGreaterThanOrEqual(4);
      await c.clickButton('Show 2 replies');
      await readReplies(c, '[data-testid=replies] .nested', 'See you Saturday');
      expect(await c.textOf('[data-testid=replies] .nested [data-testid=shared-by]')).toContain(
        'Alice',
      );
      expect(await c.textOf('[data-testid=replies] .nested .meta')).toContain('Bob');
      // Carol looks at her chats and comes back: the replies she opened are still open.
      await c.clickTab('Chats');
      await c.clickTab('Feed');
      await c.waitFor(
        () =>
          [...document.querySelectorAll<HTMLElement>('[data-testid=replies] .nested')].some((e) =>
            e.innerText.includes('See you Saturday'),
          ),
        null,
      );
      expect(
        await c.evaluate(
          () =>
            [...document.querySelectorAll('button')]
              .find((b) => b.textContent === 'Hide replies')
              ?.getAttribute('aria-expanded') ?? null,
          null,
        ),
      ).toBe('true');
      // The saved list, picked by name: Bob again, not Carol.
      await a.clickButton("What's new, Alice?");
      await a.fill('#compose', 'For the climbing partners');
      await a.click('#audience-list-0');
      await a.clickButton('Post');
      await waitForText(b, '[data-testid=feed]', 'For the climbing partners');
      await waitForText(c, '[data-testid=feed]', 'For everyone again');
      await expectAccessible(c, 'feed, with replies and a picture');
      await waitForText(b, '[data-testid=feed]', 'For everyone again');
    },
  },
  {
    name: 'Alice’s post says it reached both friends: a double tick, with its words',
    run: async ({ a, b, c }) => {
      // What the post says about its delivery; runs in the page.
      const delivery = () =>
        [...document.querySelectorAll('[data-testid=feed] > li')]
          .find((li) => li.textContent?.includes('For everyone again'))
          ?.querySelector('[data-testid=delivery]')?.textContent ?? '';
      for (const deadline = Date.now() + 20_000; ;) {
        const shown = await a.evaluate(delivery, null);
        if (shown.includes('Delivered to all 2')) break;
        // Say where it stopped: which friend it still waits for, who carries it.
        if (Date.now() > deadline) {
          const where = await deliveryDiagnosis({ a, b, c }, 'For everyone again');
          throw new Error(`after 20 s the post still says "${shown}"\n${where}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      // On screen, a small double tick; the words are its hover title and for screen readers.
      const shownMark = await a.evaluate(() => {
        const p = [...document.querySelectorAll('[data-testid=feed] > li')]
          .find((li) => li.textContent?.includes('For everyone again'))
          ?.querySelector<HTMLElement>('[data-testid=delivery]');
        const [mark, words] = [...(p?.children ?? [])] as HTMLElement[];
        // What a sighted reader sees of the words: nothing (a screen reader reads them).
        return [mark?.textContent, p?.title, words?.textContent, (words?.offsetWidth ?? 99) <= 1];
      }, null);
      expect(shownMark).toEqual(['✓✓', 'Delivered to all 2', 'Delivered to all 2', true]);
    },
  },
  {
    name: 'Carol sees the picture and only what was meant for her, new ones marked',
    run: async ({ alice, carol, a, b, c }) => {
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
      await screenshot(carol, c, 'feed');
      const carolAgain = await carol.openExtensionPage('popup.html');
      await carolAgain.waitFor(
        () => document.querySelectorAll('[data-testid=feed] > li').length === 2,
        null,
      );
      expect(await newMarks(carolAgain)).toBe(0);
      await carolAgain.close();
      await a.click('#tab-feed');
      await screenshot(alice, a, 'feed');
    },
  },
];
