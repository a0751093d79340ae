/**
 * A defect from the product UI issue: unread counts came back after a browser restart for
 * messages already read ("Ben 1", every time). Bob reads Alice's message in the chat, his
 * browser closes and starts again (same profile): the conversation has nothing unread, on the
 * list and on the toolbar badge.
 */
import { describe, expect, it } from 'vitest';
import type { BrowserKind, ExtensionPage } from '../../tools/browsers/extension-page';
import { friendsOnline } from './harness/person';
import { scene, waitForText } from './harness/scene';
import { step } from './harness/step';

/** Waits until Alice's row of the chats list shows this unread count ('' for none). */
const rowShows = (popup: ExtensionPage, count: string) =>
  popup.waitFor(
    (want) => {
      const row = [...document.querySelectorAll('li.conversation-row')].find((li) =>
        li.textContent?.includes('Read me once'),
      );
      return row && (row.querySelector('.unread-count [aria-hidden]')?.textContent ?? '') === want;
    },
    count,
    20_000,
  );

const badgeText = (page: ExtensionPage) =>
  page.evaluate(async () => {
    const g = globalThis as unknown as { browser?: typeof chrome; chrome: typeof chrome };
    return (g.browser ?? g.chrome).action.getBadgeText({});
  }, null);

export function unreadRestartSuite(kind: BrowserKind): void {
  describe(`unread counts across a browser restart (${kind})`, () => {
    const setting = scene('unread');

    it('a message read before the browser closed is not unread after it starts again', async () => {
      const { alice, bob, trackerUrl } = await step(
        'Alice and Bob are friends, online',
        async () => {
          const { tracker } = await setting.start();
          const alice = setting.person('alice', kind);
          const bob = setting.person('bob', kind);
          await friendsOnline([alice, bob], ['Alice', 'Bob'], tracker.url);
          return { alice, bob, trackerUrl: tracker.url };
        },
      );

      await step('Alice writes; Bob sees it unread, opens the chat and reads it', async () => {
        const bobs = (await bob.ui('identity.get', {}))!.fingerprint;
        await alice.ui('messages.send', { to: bobs, text: 'Read me once' });
        await bob.waitForText('Read me once');
        const popup = await bob.browser!.openExtensionPage('popup.html');
        await popup.clickTab('Chats');
        await rowShows(popup, '1');
        await popup.clickButton('Alice');
        await waitForText(popup, '[aria-label="Messages with Alice"]', 'Read me once');
        await popup.clickButton('All chats');
        await rowShows(popup, '');
      });

      await step('Bob’s browser closes and starts again: nothing is unread', async () => {
        await bob.goOffline();
        await bob.launch(trackerUrl);
        const popup = await bob.browser!.openExtensionPage('popup.html');
        await popup.clickTab('Chats');
        await rowShows(popup, '');
        const list = await bob.ui('conversations.list', {});
        expect(list.map((c) => [c.name, c.unread])).toEqual([['Alice', 0]]);
        expect(await badgeText(popup)).toBe('');
      });
    });
  });
}
