/** What asks for attention (badge, notification) and what proves who is who (safety numbers), then a block. */
import { fontSizeOf } from '../harness/layout';
import { expect } from 'vitest';
import type { ExtensionPage } from '../../../tools/browsers/extension-page';
import type { SceneStep } from './scene';

export const attentionSteps: SceneStep[] = [
  {
    name: 'Bob’s popup closed: a message shows on the badge and as a notification',
    run: async ({ bob, a, b }) => {
      await b.close();
      const options = await bob.openExtensionPage('options.html');
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
      await a.fillField('Message Bob', 'Are you there?');
      await a.clickButton('Send');
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
      const again = await bob.openExtensionPage('popup.html');
      await options.waitFor(
        async () => {
          const g = globalThis as unknown as { browser?: typeof chrome; chrome: typeof chrome };
          return (await (g.browser ?? g.chrome).action.getBadgeText({})) === '';
        },
        null,
        10_000,
      );
      await again.close();
    },
  },
  {
    name: 'Alice and Bob compare safety numbers; Alice blocks Carol',
    run: async ({ bob, a }) => {
      await a.click('#tab-friends');
      const safetyFor = (page: ExtensionPage, name: string) =>
        page.waitFor(
          (n) =>
            [...document.querySelectorAll('[data-testid=friends] li')]
              .find((li) => li.textContent?.includes(n))
              ?.querySelector('[data-testid=safety-number]')?.textContent ?? null,
          name,
        );
      const bobsPage = await bob.openExtensionPage('popup.html');
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
      // In the list the friend's name is the larger text, not the fold under it.
      const nameSize = await fontSizeOf(a, `[data-fingerprint="${carolFp}"] .person-name`);
      const foldSize = await fontSizeOf(a, `[data-fingerprint="${carolFp}"] summary`);
      expect(nameSize).toBeGreaterThan(foldSize ?? Infinity);
      await a.click(`[data-fingerprint="${carolFp}"] summary`);
      await a.click(`[data-fingerprint="${carolFp}"] [data-action=block]`);
      await a.waitFor(
        (fp) => !document.querySelector(`[data-testid=friends] [data-fingerprint="${fp}"]`),
        carolFp,
      );
    },
  },
];
