/**
 * An invite link opened in a person's browser: the tracker's page, and Murmur's own tab asking
 * "Add NAME as a friend?" (never the web page).
 */
import { expect } from 'vitest';
import type { ExtensionBrowser, ExtensionPage } from '../../../tools/browsers/extension-page';

export interface OpenedInvite {
  /** The tracker's invite page. */
  invitePage: ExtensionPage;
  /** Murmur's tab with the offer. */
  offer: ExtensionPage;
  /** Its question, e.g. "Add Alice as a friend?". */
  heading: string;
}

export async function openInviteLink(
  browser: ExtensionBrowser,
  link: string,
): Promise<OpenedInvite> {
  const invitePage = await browser.openUrl(link);
  expect(await invitePage.textOf('h1')).toBe('You are invited to Murmur');
  const offer = await browser.extensionWindow('murmur.html', 20_000);
  const heading = await offer.waitFor(
    () =>
      [...document.querySelectorAll('h2')].find((h) => h.textContent?.startsWith('Add '))
        ?.textContent ?? null,
    null,
    20_000,
  );
  return { invitePage, offer, heading };
}
