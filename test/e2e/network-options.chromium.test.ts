/**
 * Options › Network warns when a tracker off this computer is not encrypted (ws://), and not
 * for a local one; "Hide my address from friends" is there, off by default, and saved. Invite
 * links open by themselves on the default tracker; for another tracker Murmur offers to ask the
 * browser to allow it on that site (the grant itself: invite-other-tracker.firefox.test.ts).
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { ExtensionBrowser } from '../../tools/browsers/extension-page';
import { launchProfile } from './harness/profiles';

describe('Options › Network', () => {
  let browser: ExtensionBrowser;
  afterAll(() => browser?.close());

  it('warns about ws:// off this computer, and keeps "hide my address"', async () => {
    browser = await launchProfile('chromium', 'nell');
    const options = await browser.openExtensionPage('options.html');
    await options.waitFor(() => {
      const form = document.querySelector('#trackers')?.closest('form');
      return !!form && !form.querySelector('button[disabled]');
    }, null);
    const warnings = () =>
      options.evaluate(
        () => [...document.querySelectorAll('[role=note]')].map((n) => n.textContent ?? ''),
        null,
      );
    expect(await warnings()).toEqual([]); // the local development tracker
    const inviteLinks = () =>
      options.evaluate(() => {
        const section = document.getElementById('tracker-sites-heading')?.closest('section');
        return {
          said: [...(section?.querySelectorAll('[role=status]') ?? [])].map((s) => s.textContent),
          buttons: [...(section?.querySelectorAll('button') ?? [])].map((b) => b.textContent),
        };
      }, null);
    await options.waitFor(() => !!document.getElementById('tracker-sites-heading'), null);
    expect(await inviteLinks()).toEqual({
      said: ["A friend's invite link on 127.0.0.1 opens in Murmur by itself."],
      buttons: [],
    });
    expect(
      await options.evaluate(
        () => (document.querySelector('#hide-address') as HTMLInputElement).checked,
        null,
      ),
    ).toBe(false);

    await options.fill(
      '#trackers',
      'ws://tracker.example.org:9000/murmur\nwss://safe.example/murmur',
    );
    await options.click('#hide-address');
    await options.click('form:has(#trackers) button[type=submit]');
    await options.waitFor(() => document.querySelectorAll('[role=note]').length > 0, null);
    await options.waitFor(
      () =>
        document.querySelectorAll('section[aria-labelledby=tracker-sites-heading] button').length,
      null,
    );
    expect((await inviteLinks()).buttons).toEqual([
      'Allow Murmur on tracker.example.org',
      'Allow Murmur on safe.example',
    ]);
    const shown = await warnings();
    expect(shown).toHaveLength(1);
    expect(shown[0]).toContain('ws://tracker.example.org:9000/murmur is not encrypted');

    const reopened = await browser.openExtensionPage('options.html');
    await reopened.waitFor(
      () => (document.querySelector('#hide-address') as HTMLInputElement | null)?.checked === true,
      null,
    );
  });
});
