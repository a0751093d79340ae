/** Chats (unread count, delivered, answered) and friends of friends. */
import { expect } from 'vitest';
import { screenshot } from '../harness/profiles';
import { waitForText } from '../harness/scene';
import type { SceneStep } from './scene';
import { expectAccessible } from '../harness/accessible';

/**
 * Whether a friend's row in the chats list — what a screen reader says about it (its
 * description: the last message, online, unread), found by the friend's name — holds every one
 * of `texts` and none of `absent`; runs in the page.
 */
function rowSays([name, texts, absent]: readonly [
  string,
  readonly string[],
  readonly string[],
]): boolean {
  const row = [...document.querySelectorAll('button[aria-describedby]')].find(
    (button) => button.textContent === name,
  );
  if (!row) return false;
  const about =
    document.getElementById(row.getAttribute('aria-describedby') ?? '')?.textContent ?? '';
  return (
    texts.every((text) => about.includes(text)) && !absent.some((text) => about.includes(text))
  );
}

export const chatSteps: SceneStep[] = [
  {
    name: 'Alice and Bob chat: unread, delivered, answered',
    run: async ({ alice, bob, carol, a, b, c }) => {
      await a.clickTab('Chats');
      await a.clickButton('Bob');
      await a.fillField('Message Bob', 'Coffee tomorrow?');
      await a.clickButton('Send');
      // Bob is on his Feed: the Chats tab shows one unread message, and says so in words (its
      // description) while its name stays "Chats".
      await b.waitFor(
        () => {
          const tab = document.getElementById('tab-chats');
          const about = tab?.getAttribute('aria-describedby');
          return (
            tab?.querySelector('[data-testid=tab-chats-mark]')?.textContent === '1' &&
            document.getElementById(about ?? '')?.textContent === 'Unread messages: 1'
          );
        },
        null,
        20_000,
      );
      await b.clickTab('Chats');
      // Before Bob opens it, Alice's row shows her message and one unread.
      await b.waitFor(rowSays, ['Alice', ['Coffee tomorrow?', '1 unread'], []] as const, 20_000);
      await expectAccessible(b, 'chats list');
      await screenshot(bob, b, 'chats');
      await b.clickButton('Alice');
      await waitForText(b, '[aria-label="Messages with Alice"]', 'Coffee tomorrow?');
      // Alice sees her message delivered (Bob's receipt came back).
      await waitForText(a, '[aria-label="Messages with Bob"]', 'Delivered', 20_000);
      // Enter sends; Shift+Enter would start a new line.
      await b.fillField('Message Alice', 'Sure, 10am');
      await b.press('Enter');
      await waitForText(a, '[aria-label="Messages with Bob"]', 'Sure, 10am');
      await expectAccessible(a, 'conversation');
      await screenshot(alice, a, 'chat');
      // Carol's system is dark: the chats list and a conversation in the dark theme.
      await c.clickTab('Chats');
      await c.waitFor(rowSays, ['Alice', [], []] as const, 20_000);
      await expectAccessible(c, 'chats list, dark');
      await screenshot(carol, c, 'chats');
      await c.clickButton('Alice');
      await expectAccessible(c, 'conversation, dark');
      await screenshot(carol, c, 'chat');
    },
  },
  {
    name: 'A message that arrives while Bob reads the conversation is read',
    run: async ({ a, b }) => {
      // The defect: it came back as "Alice 1" on every restart. The conversation marks it read
      // as it shows it; the mark is stored, so the list (and a restart) agree.
      await a.fillField('Message Bob', 'See you there');
      await a.press('Enter');
      await waitForText(b, '[aria-label="Messages with Alice"]', 'See you there');
      await b.clickButton('All chats');
      // The list settles on no unread count (it is told when the read mark is stored); a count
      // that stays fails here.
      await b.waitFor(rowSays, ['Alice', ['See you there'], ['unread']] as const, 20_000);
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
      await aliceOptions.waitFor(() => !!document.querySelector('#fof-share'), null);
      await expectAccessible(aliceOptions, 'options');
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
