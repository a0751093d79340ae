/** Walls: a name opens its person's wall; the safety number is checked there; one's own wall. */
import { expect } from 'vitest';
import { expectAccessible } from '../harness/accessible';
import { screenshot } from '../harness/profiles';
import { waitForText } from '../harness/scene';
import type { SceneStep } from './scene';

export const wallSteps: SceneStep[] = [
  {
    name: 'Alice opens Bob’s wall from his name, checks the safety number, then her own wall',
    run: async ({ alice, carol, a, c }) => {
      // Alice is in her conversation with Bob: his name at the top opens his wall.
      await a.clickButton('Bob');
      await waitForText(a, '#wall-heading', 'Bob');
      await waitForText(a, '[data-testid=safety-check]', 'Compare these digits with Bob');
      // Bob shares no friend list (the default): the wall says it cannot tell whom the two
      // share, never that they share nobody (Carol is Alice's friend; whether Bob knows her
      // Murmur cannot know).
      await waitForText(
        a,
        '[data-testid=mutual-friends]',
        "Murmur can't tell which friends you share: Bob doesn't share their friend list",
      );
      await expectAccessible(a, 'a friend’s wall');
      await a.clickButton('They match');
      await waitForText(a, '[data-testid=safety-check]', 'You checked this safety number with Bob');
      await a.clickButton('Back');

      await a.clickButton('My wall');
      await waitForText(a, '[data-testid=wall-posts]', 'For everyone again');
      const wentTo = await a.evaluate(
        () =>
          [...document.querySelectorAll('[data-testid=wall-posts] > li')].map((li) => [
            li.querySelector('[data-testid=message-text]')?.textContent,
            li.querySelector('.sent-to')?.textContent,
          ]),
        null,
      );
      const everyone = wentTo.find(([text]) => text === 'For everyone again');
      expect(everyone?.[1]).toMatch(/^Went to (Bob and Carol|Carol and Bob)$/);
      expect(wentTo).toContainEqual(['Just for Bob', 'Went to Bob']);
      await expectAccessible(a, 'my wall');
      await screenshot(alice, a, 'wall');
      await a.clickButton('Back');
      // Carol's system is dark: Alice's wall, opened from her name in Carol's friends list.
      await c.clickButton('Alice');
      await waitForText(c, '#wall-heading', 'Alice');
      await expectAccessible(c, 'a friend’s wall, dark');
      await screenshot(carol, c, 'wall');
      await c.clickButton('Back');
      // Back to the chats list: Bob's conversation again, for the steps that follow.
      await a.clickButton('Bob');
      await waitForText(a, '[aria-label="Messages with Bob"]', 'Sure, 10am');
    },
  },
];
