/**
 * Options, by hand: the fingerprint shown, keys exported (the private one only encrypted with
 * the passphrase typed), the relay policy changed and shown with its use.
 */
import * as openpgp from 'openpgp';
import { afterAll, describe, expect, it } from 'vitest';
import type { BrowserKind, ExtensionBrowser } from '../../tools/browsers/extension-page';
import { launchProfile, screenshot } from './harness/profiles';
import { startMurmur } from '../../tools/browsers/first-run';
import { expectAccessible } from './harness/accessible';

export function optionsSuite(kind: BrowserKind): void {
  describe(`options, by hand (${kind})`, () => {
    let browser: ExtensionBrowser;
    afterAll(() => browser?.close());

    it('shows the fingerprint, exports keys, and changes the relay policy', async () => {
      browser = await launchProfile(kind, 'dana');
      const popup = await browser.openExtensionPage('popup.html');
      await startMurmur(popup, 'Dana');
      const options = await browser.openExtensionPage('options.html');

      const shown = await options.textOf('[data-testid=fingerprint]');
      expect(shown).toMatch(/^([0-9A-F]{4} ){9}[0-9A-F]{4}$/);

      await options.fill('#export-passphrase', 'correct horse battery');
      await options.click('#export-private');
      const armored = await options.waitFor(
        () =>
          (document.querySelector('#exported-key') as HTMLTextAreaElement | null)?.value ?? null,
        null,
      );
      const key = await openpgp.readPrivateKey({ armoredKey: armored });
      expect(key.isDecrypted()).toBe(false);
      const unlocked = await openpgp.decryptKey({
        privateKey: key,
        passphrase: 'correct horse battery',
      });
      expect(unlocked.getFingerprint().toUpperCase()).toBe(shown.replace(/ /g, ''));

      await options.fill('#relay-quotaMb', '20');
      await options.click('#relay-quotaMb ~ button[type=submit]');
      await options.waitFor(
        () =>
          document.querySelector('[data-testid=relay-used]')?.textContent?.includes('20 MB') ??
          false,
        null,
      );
      await screenshot(browser, options, 'options');

      // On a 1280-pixel tab: the contents beside the sections; every checkbox and radio button
      // on the line of its own words, one choice per line; the export field on its own row.
      await options.resize(1280, 900);
      const layout = await options.evaluate(() => {
        const box = (e: Element | null | undefined) => e?.getBoundingClientRect();
        const choices = [...document.querySelectorAll('label')]
          .map((label) => ({ label, input: label.querySelector('input') }))
          .filter(({ input }) => input?.type === 'checkbox' || input?.type === 'radio')
          .map(({ label, input }) => {
            const [l, i] = [box(label), box(input)];
            const words = label.textContent?.trim() ?? '';
            // Its words beside it: the label is one line high and starts with the input.
            return l && i && i.left - l.left < 4 && l.height < 2.2 * i.height ? '' : words;
          });
        const fof = [...document.querySelectorAll('#fof-heading ~ label')].map((e) => box(e)?.top);
        const contents = box(document.querySelector('nav.options-contents'));
        const sections = box(document.querySelector('.options-sections'));
        return {
          apart: choices.filter(Boolean),
          choices: choices.length,
          fofOnOneLine: fof.length > 1 && new Set(fof).size < fof.length,
          contentsBeside: !!contents && !!sections && contents.right <= sections.left,
          exportRow:
            (box(document.querySelector('#export-public'))?.bottom ?? 0) <=
            (box(document.querySelector('label[for=export-passphrase]'))?.top ?? 0),
        };
      }, null);
      expect(layout).toEqual({
        apart: [],
        choices: layout.choices,
        fofOnOneLine: false,
        contentsBeside: true,
        exportRow: true,
      });
      expect(layout.choices).toBeGreaterThanOrEqual(7);
      await expectAccessible(options, 'options, wide');

      // The same person in a fresh profile: restoring the exported key gives the same identity;
      // a wrong passphrase is a clear error and creates nothing.
      const second = await launchProfile(kind, 'dana-elsewhere');
      try {
        const first = await second.openExtensionPage('popup.html');
        await first.click('details.card summary');
        await first.fill('#restore-key', armored);
        await first.fill('#restore-passphrase', 'wrong passphrase');
        await first.click('#restore-passphrase ~ button[type=submit]');
        expect(await first.textOf('[role=alert]')).toContain('does not unlock this key');
        await first.fill('#restore-passphrase', 'correct horse battery');
        await first.click('#restore-passphrase ~ button[type=submit]');
        await first.waitFor(() => !!document.querySelector('#my-card'), null, 20_000);
        const again = await second.openExtensionPage('options.html');
        expect(await again.textOf('[data-testid=fingerprint]')).toBe(shown);
      } finally {
        await second.close();
      }
    });
  });
}
