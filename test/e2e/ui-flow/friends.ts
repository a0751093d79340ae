/** Becoming friends: a request with a few words, accepted; two cards pasted both ways. */
import { expect } from 'vitest';
import type { ExtensionPage } from '../../../tools/browsers/extension-page';
import { screenshot } from '../harness/profiles';
import { cardOf } from '../harness/onboarding';
import type { SceneStep } from './scene';
import { expectAccessible } from '../harness/accessible';

/** Both paste the other's card: friends without a request to answer. */
async function befriend(x: ExtensionPage, y: ExtensionPage): Promise<void> {
  const [cardX, cardY] = [await cardOf(x), await cardOf(y)];
  await x.fill('#friend-card', cardY);
  await x.click('#friend-intro ~ button[type=submit]');
  await y.fill('#friend-card', cardX);
  await y.click('#friend-intro ~ button[type=submit]');
}

export const friendsSteps: SceneStep[] = [
  {
    name: 'Alice asks Bob with a few words; Bob sees who asks and accepts',
    run: async ({ bob, a, b }) => {
      await a.fill('#friend-card', await cardOf(b));
      await a.fill('#friend-intro', 'Hi Bob, it is Alice from the climbing club');
      await a.click('#friend-intro ~ button[type=submit]');
      const asked = () =>
        [...document.querySelectorAll('[role=status]')].some((e) =>
          e.textContent?.includes('They become your friend when they accept'),
        );
      await a.waitFor(asked, null);
      // If Alice's first call finds Bob not yet registered, the next presence round (every 15 s)
      // finds him: on a loaded machine that can take past 20 s.
      const intro = await b.waitFor(
        () => document.querySelector('[data-testid=requests] .text')?.textContent ?? null,
        null,
        45_000,
      );
      expect(intro).toBe('Hi Bob, it is Alice from the climbing club');
      await screenshot(bob, b, 'friend-request');
      await expectAccessible(b, 'friends, with a request');
      // Before accepting: the friends the two share (none yet) and the safety number to compare.
      expect(await b.textOf('[data-testid=request-mutual]')).toBe('No friends in common');
      const offered = await b.textOf('[data-testid=request-safety] .safety-number');
      expect(offered).toMatch(/^\d{5}( \d{5}){5}$/);
      await b.click('[data-testid=requests] [data-action=accept]');
      await b.waitFor(
        () => !!document.querySelector('[data-testid=friends] [data-online=true]'),
        null,
        20_000,
      );
      // The number Bob was shown is the one his Friends list keeps for Alice.
      const kept = await b.waitFor(
        () =>
          [...document.querySelectorAll('[data-testid=friends] li')]
            .find((li) => li.textContent?.includes('Alice'))
            ?.querySelector('[data-testid=safety-number]')?.textContent ?? null,
        null,
      );
      expect(kept).toBe(offered);
      // Bob accepted: Alice's "Asked Bob…" goes (it used to stay on screen).
      await a.waitFor(
        () =>
          ![...document.querySelectorAll('[role=status]')].some((e) =>
            e.textContent?.includes('They become your friend when they accept'),
          ),
        null,
        20_000,
      );
    },
  },
  {
    name: 'Alice and Carol paste each other’s card: friends without a request',
    run: async ({ alice, carol, a, c }) => {
      await befriend(a, c);
      // Both dial at once. When the first calls cross and neither lands, the next presence round
      // (every 15 s) connects them: once in CI, Firefox under load took past 20 s. On a failure,
      // say what Alice's list shows for each friend.
      await a
        .waitFor(
          () => document.querySelectorAll('[data-testid=friends] [data-online=true]').length === 2,
          null,
          45_000,
        )
        .catch(async (error: unknown) => {
          const shown = await a.evaluate(
            () =>
              [...document.querySelectorAll('[data-testid=friends] > li')]
                .map((li) => li.textContent?.slice(0, 80))
                .join(' | '),
            null,
          );
          throw new Error(`Alice's friends list: ${shown}`, { cause: error });
        });
      await screenshot(alice, a, 'friends');
      await screenshot(carol, c, 'friends');
    },
  },
];
