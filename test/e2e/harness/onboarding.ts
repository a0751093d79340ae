/** A person's first steps in the popup, by hand: their name, "Start Murmur", and their card. */
import type { ExtensionBrowser, ExtensionPage } from '../../../tools/browsers/extension-page';
import { expect } from 'vitest';
import { screenshot } from './profiles';
import { expectAccessible } from './accessible';
import { startMurmur } from '../../../tools/browsers/first-run';

/** `picture`: a file chosen as the profile picture at the first step. */
export async function onboard(
  browser: ExtensionBrowser,
  name: string,
  picture?: string,
): Promise<ExtensionPage> {
  const popup = await browser.openExtensionPage('popup.html');
  // Three short steps: name and picture, an optional passphrase, inviting a friend.
  await startMurmur(popup, name, '', async (step) => {
    // The invite's QR code is drawn once the screen around it was painted: the picture of the
    // step waits for it, as a person's eye would (the README's step 3 had none).
    if (step === 'invite')
      await popup.waitFor(
        () => (document.querySelector('svg.qr-code')?.getBoundingClientRect().width ?? 0) > 0,
        null,
      );
    await screenshot(browser, popup, `first-run-${step}`);
    await expectAccessible(popup, `first run: ${step}`);
    if (step !== 'name') return;
    if (picture) {
      await popup.setInputFile('#first-picture', picture);
      await popup.waitFor(() => document.querySelector('form img.avatar') !== null, null);
    }
    // The first screen is about the person, not the machinery: no tracker status, and never a
    // raw "TypeError: Failed to fetch" before they have typed a name (product UI issue).
    const firstScreen = await popup.evaluate(() => document.body.innerText, null);
    expect(firstScreen).not.toMatch(/Tracker|TypeError|Failed to fetch/);
  });
  // Then the Friends tab with our own card.
  const card = await cardOf(popup);
  expect(card).toMatch(/^murmur1\./);
  return popup;
}

export const cardOf = (popup: ExtensionPage) =>
  popup.evaluate(() => (document.querySelector('#my-card') as HTMLTextAreaElement).value, null);
