/** A person's first step in the popup, by hand: their name, "Start", and their contact card. */
import type { ExtensionBrowser, ExtensionPage } from '../../../tools/browsers/extension-page';
import { expect } from 'vitest';
import { screenshot } from './profiles';

export async function onboard(browser: ExtensionBrowser, name: string): Promise<ExtensionPage> {
  const popup = await browser.openExtensionPage('popup.html');
  await popup.waitFor(() => !!document.querySelector('#display-name'), null);
  await screenshot(browser, popup, 'first-run');
  // The first screen is about the person, not the machinery: no tracker status, and never a
  // raw "TypeError: Failed to fetch" before they have typed a name (product UI issue).
  const firstScreen = await popup.evaluate(() => document.body.innerText, null);
  expect(firstScreen).not.toMatch(/Tracker|TypeError|Failed to fetch/);
  await popup.fill('#display-name', name);
  await popup.click('form button[type=submit]');
  // Next step after starting: the Friends tab with our own card.
  await popup.waitFor(
    () =>
      (document.querySelector('#my-card') as HTMLTextAreaElement | null)?.value.startsWith(
        'murmur1.',
      ) ?? false,
    null,
    20_000,
  );
  return popup;
}

export const cardOf = (popup: ExtensionPage) =>
  popup.evaluate(() => (document.querySelector('#my-card') as HTMLTextAreaElement).value, null);
