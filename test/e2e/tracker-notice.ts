/**
 * When Murmur cannot reach the person's tracker, the Friends screen says so in words — friends
 * do not see you, what you send waits, where the reason is — instead of letting every friend
 * read "offline" as if it were them; and the words go once a tracker answers.
 */
import { createServer } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import type { BrowserKind, ExtensionBrowser } from '../../tools/browsers/extension-page';
import { startMurmur } from '../../tools/browsers/first-run';
import { expectAccessible } from './harness/accessible';
import { launchProfile, useTracker } from './harness/profiles';
import { step } from './harness/step';
import { startTrackerProcess, type TrackerProcess } from './harness/tracker-process';

/** A loopback port nothing listens on (taken, then given back). */
async function closedPort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

export function trackerNoticeSuite(kind: BrowserKind): void {
  describe(`the tracker out of reach (${kind})`, () => {
    let browser: ExtensionBrowser | undefined;
    let tracker: TrackerProcess | undefined;
    afterAll(async () => {
      await browser?.close();
      await tracker?.stop();
    });

    it('the Friends screen says what it means, and stops once a tracker answers', async () => {
      const port = await closedPort();
      const popup = await step('Tina starts Murmur with a tracker nobody runs', async () => {
        browser = await launchProfile(kind, 'tina');
        await useTracker(browser, `ws://127.0.0.1:${port}/murmur`);
        const popup = await browser.openExtensionPage('popup.html');
        await startMurmur(popup, 'Tina');
        return popup;
      });
      const notice = await popup.textOf('[data-testid=tracker-notice]', 20_000);
      expect(notice).toBe(
        `Murmur cannot reach your tracker (127.0.0.1:${port}) and keeps trying. Until then friends do not see you online, and what you send waits. Why: Options, under “About Murmur and its connections”.`,
      );
      await expectAccessible(popup, 'Friends, the tracker out of reach');

      await step('She switches to a tracker that runs; the words go', async () => {
        tracker = await startTrackerProcess();
        const running = browser;
        if (!running) throw new Error('no browser');
        await useTracker(running, tracker.url);
        await popup.waitFor(
          () => !document.querySelector('[data-testid=tracker-notice]'),
          null,
          20_000,
        );
      });
    });
  });
}
