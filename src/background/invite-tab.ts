/**
 * An invite link opened in the browser: Murmur asks in a tab of its own (murmur.html, the card
 * and the site it was opened on in its fragment), never in the web page. Which openings show
 * it is the app's decision (app/invite-openings.ts); this opens or reuses the one tab.
 */
import browser from 'webextension-polyfill';
import { InviteOpenings } from '../app/invite-openings';
import type { InviteOpening } from '../core/identity/invite-opening';
import { inviteTabFragment } from '../messaging/invite-tab-address';

const openings = new InviteOpenings();
let inviteTab: number | null = null;

export async function showInvite(
  cardText: string,
  opening: InviteOpening,
): Promise<Record<string, never>> {
  const address = openings.admit(cardText, opening);
  if (!address) return {};
  const url = browser.runtime.getURL(`murmur.html${inviteTabFragment(address)}`);
  if (inviteTab !== null) {
    // Closed by the user since: a new one opens.
    const reused = await browser.tabs.update(inviteTab, { url, active: true }).catch(() => null);
    if (reused) return {};
  }
  inviteTab = (await browser.tabs.create({ url, active: true })).id ?? null;
  return {};
}
