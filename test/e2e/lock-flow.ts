/**
 * A passphrase, by hand: chosen on first run, asked once after the browser restarts (a wrong one
 * is refused), not asked when only the background restarted, changed and removed in Options.
 */
import { gapAfterButton } from './harness/layout';
import { describe, expect, it } from 'vitest';
import type { BrowserKind } from '../../tools/browsers/extension-page';
import { screenshotBothThemes } from './harness/profiles';
import { scene, waitForText } from './harness/scene';
import { startMurmur } from '../../tools/browsers/first-run';

export function lockSuite(kind: BrowserKind): void {
  describe(`a passphrase on the identity (${kind})`, () => {
    const setting = scene('lock');
    const dana = setting.person('dana', kind);

    it('locks each browser session, unlocks with the passphrase, and can be changed and removed', async () => {
      const { tracker } = await setting.start();
      await dana.launch(tracker.url);
      const first = await dana.browser!.openExtensionPage('popup.html');
      await startMurmur(first, 'Dana', 'dana walks the dog');
      const fingerprint = (await dana.ui('identity.get', {}))!.fingerprint;
      expect(await dana.ui('identity.lock-state', {})).toMatchObject({
        protected: true,
        locked: false,
      });

      if (kind === 'chromium') {
        // Chromium stops an idle service worker: that is not a new session, nothing is asked.
        await dana.chromium.stopServiceWorkers();
        const popup = await dana.browser!.openExtensionPage('popup.html');
        await popup.waitFor(() => !!document.querySelector('#tab-feed'), null, 20_000);
        expect(
          await popup.evaluate(() => document.querySelector('#unlock-passphrase'), null),
        ).toBeNull();
      }

      // The browser restarts: Murmur is locked; a wrong passphrase is refused.
      await dana.goOffline();
      await dana.launch(tracker.url);
      const locked = await dana.browser!.openExtensionPage('popup.html');
      await locked.waitFor(() => !!document.querySelector('#unlock-passphrase'), null, 20_000);
      expect(await dana.ui('identity.get', {})).toBeNull();
      await screenshotBothThemes(dana.browser!, locked, 'locked');
      await locked.fill('#unlock-passphrase', 'dana walks the cat');
      await locked.click('#unlock-passphrase ~ button[type=submit]');
      await waitForText(locked, '[role=alert]', 'does not unlock');
      await locked.fill('#unlock-passphrase', 'dana walks the dog');
      await locked.click('#unlock-passphrase ~ button[type=submit]');
      await locked.waitFor(() => !!document.querySelector('#tab-feed'), null, 20_000);
      expect((await dana.ui('identity.get', {}))!.fingerprint).toBe(fingerprint);

      // Options: change it (the current one is needed), then remove it.
      const options = await dana.browser!.openExtensionPage('options.html');
      await options.fill('#passphrase-current', 'dana walks the dog');
      await options.fill('#passphrase-new', 'dana runs with the dog');
      await options.fill('#passphrase-repeat', 'dana runs with the dog');
      await options.click('#passphrase-save');
      await waitForText(options, 'form[aria-labelledby=passphrase-heading] [role=status]', 'Saved');
      // Two buttons side by side, apart (they used to touch).
      expect(
        await gapAfterButton(options, 'Change passphrase', 'Remove passphrase'),
      ).toBeGreaterThanOrEqual(4);
      await options.fill('#passphrase-current', 'dana runs with the dog');
      await options.click('#passphrase-remove');
      await waitForText(options, '[data-testid=passphrase-state]', 'without a passphrase');

      // Without a passphrase, a restart asks nothing.
      await dana.goOffline();
      await dana.launch(tracker.url);
      const open = await dana.browser!.openExtensionPage('popup.html');
      await open.waitFor(() => !!document.querySelector('#tab-feed'), null, 20_000);
      expect((await dana.ui('identity.get', {}))!.fingerprint).toBe(fingerprint);
    });
  });
}
