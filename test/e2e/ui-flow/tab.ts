/** The full Murmur tab: the same screens with room, two side by side. */
import { expect } from 'vitest';
import { expectAccessible } from '../harness/accessible';
import { screenshot } from '../harness/profiles';
import { waitForText } from '../harness/scene';
import type { SceneStep } from './scene';

export const tabSteps: SceneStep[] = [
  {
    name: 'Alice reads in the full tab: the feed beside her friends, a chat beside the list',
    run: async ({ alice, carol }) => {
      const tab = await alice.openExtensionPage('murmur.html');
      await tab.resize(1280, 800);
      // Both at once: the feed's posts and the friends list with Bob in it.
      await waitForText(tab, '[data-testid=feed]', 'For everyone again');
      await waitForText(tab, '[data-testid=friends]', 'Bob');
      await expectAccessible(tab, 'full tab, feed and friends');
      await screenshot(alice, tab, 'tab-feed');

      await tab.clickTab('Chats');
      await waitForText(tab, '.chats-wide', 'Choose a conversation');
      await tab.clickButton('Bob');
      // The conversation opens beside the list, which stays, with Bob's row marked current.
      await waitForText(tab, '[aria-label="Messages with Bob"]', 'Sure, 10am');
      const current = await tab.evaluate(
        () => document.querySelector('[aria-current=true]')?.textContent ?? null,
        null,
      );
      expect(current).toBe('Bob');
      await expectAccessible(tab, 'full tab, chats');
      await screenshot(alice, tab, 'tab-chats');
      await tab.close();

      // Carol's system is dark: the same tab in the dark theme.
      const dark = await carol.openExtensionPage('murmur.html');
      await dark.resize(1280, 800);
      await waitForText(dark, '[data-testid=feed]', 'For everyone again');
      await expectAccessible(dark, 'full tab, dark');
      await screenshot(carol, dark, 'tab-feed');
      await dark.close();
    },
  },
];
