/** Chats (unread count, delivered, answered) and friends of friends. */
import { expect } from 'vitest';
import type { ExtensionPage } from '../../../tools/browsers/extension-page';
import { screenshot } from '../harness/profiles';
import { waitForText } from '../harness/scene';
import type { SceneStep } from './scene';

export const chatSteps: SceneStep[] = [
  {
    name: 'Alice and Bob chat: unread, delivered, answered',
    run: async ({ alice, carol, a, b, c }) => {
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
      await screenshot(alice, a, 'chat');
      await c.click('#tab-chats');
      await openChatWith(c, 'Alice');
      await screenshot(carol, c, 'chat');
    },
  },
  {
    name: 'Friends of friends: Carol sees Bob while Alice shares',
    run: async ({ alice, c }) => {
      // Off by default; once Alice shares, Carol sees that Bob is a friend of Alice's (not
      // hers); when Alice stops, it is gone again.
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
      const aliceOptions = await alice.openExtensionPage('options.html');
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
    },
  },
];
