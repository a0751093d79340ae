/** Becoming friends: an invite link, opened, with a few words, accepted; two cards pasted both ways. */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { ExtensionPage } from '../../../tools/browsers/extension-page';
import { screenshot, screenshotBothThemes } from '../harness/profiles';
import { cardOf } from '../harness/onboarding';
import type { SceneStep } from './scene';
import { expectAccessible } from '../harness/accessible';
import { scanQrCode } from '../harness/scan-qr';
import { openInviteLink } from '../harness/invite-offer';

const scratchDir = () => mkdtemp(join(tmpdir(), 'murmur-qr-'));

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
    name: 'Bob scans Alice’s invite code; Murmur, not the web page, asks him; Alice sees who asks and accepts',
    run: async ({ alice, bob, a }) => {
      // Alice's Friends screen shows her invite as a QR code and a link. Bob "scans" the code off
      // her screen (a screenshot, decoded): it is the link she would copy.
      const link = await scanQrCode(a, 'QR code of your invite link', await scratchDir());
      const shown = await a.evaluate(
        () => (document.querySelector('#invite-link') as HTMLInputElement).value,
        null,
      );
      expect(link).toBe(shown);
      expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/murmur\/invite#murmur1\./);
      await a.clickButton('Copy link');
      await a.waitFor(
        () => [...document.querySelectorAll('button')].some((b) => b.textContent === 'Copied'),
        null,
      );

      // Bob opens it in his browser: the tracker's page explains Murmur (in a browser without
      // Murmur, that is all), and Bob's Murmur asks him in a tab of its own.
      const { invitePage, offer, heading } = await openInviteLink(bob, link);
      expect(heading).toBe('Add Alice as a friend?');
      expect(await offer.textOf('.invite-offer .invite-site')).toMatch(
        /^This link was opened on 127\.0\.0\.1:\d+\.$/,
      );
      expect(await offer.textOf('[data-testid=invite-mutual]')).toBe('No friends in common');
      const offered = await offer.textOf('.invite-offer .safety-number');
      expect(offered).toMatch(/^\d{5}( \d{5}){5}$/);
      await expectAccessible(offer, 'an invite link, opened');
      await screenshotBothThemes(bob, offer, 'invite-offer');
      await offer.fillField(
        'A few words for Alice (optional)',
        'Hi Alice, it is Bob from the climbing club',
      );
      await offer.clickButton('Add Alice');
      const asked = () =>
        [...document.querySelectorAll('[role=status]')].some((e) =>
          e.textContent?.includes('They become your friend when they accept'),
        );
      await offer.waitFor(asked, null);

      // If Bob's first call finds Alice not yet registered, the next presence round (every 15 s)
      // finds her: on a loaded machine that can take past 20 s.
      const intro = await a.waitFor(
        () => document.querySelector('[data-testid=requests] .text')?.textContent ?? null,
        null,
        45_000,
      );
      expect(intro).toBe('Hi Alice, it is Bob from the climbing club');
      await screenshotBothThemes(alice, a, 'friend-request');
      await expectAccessible(a, 'friends, with a request');
      // Before accepting: the friends the two share (none yet) and the same safety number.
      expect(await a.textOf('[data-testid=request-mutual]')).toBe('No friends in common');
      expect(await a.textOf('[data-testid=request-safety] .safety-number')).toBe(offered);
      await a.click('[data-testid=requests] [data-action=accept]');
      await a.waitFor(
        () => !!document.querySelector('[data-testid=friends] [data-online=true]'),
        null,
        20_000,
      );
      // The number Alice was shown is the one her Friends list keeps for Bob.
      const kept = await a.waitFor(
        () =>
          [...document.querySelectorAll('[data-testid=friends] li')]
            .find((li) => li.textContent?.includes('Bob'))
            ?.querySelector('[data-testid=safety-number]')?.textContent ?? null,
        null,
      );
      expect(kept).toBe(offered);
      // Alice accepted: Bob's "Asked Alice…" goes (it used to stay on screen).
      await offer.waitFor(
        () =>
          ![...document.querySelectorAll('[role=status]')].some((e) =>
            e.textContent?.includes('They become your friend when they accept'),
          ),
        null,
        20_000,
      );
      await Promise.all([offer.close(), invitePage.close()]);
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
