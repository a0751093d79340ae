/**
 * An invite link opened in the browser: Murmur asks in a tab of its own (murmur.html, the card in
 * its fragment), never in the web page. The card is read before anything opens, so a page that
 * is not really an invite opens nothing; and one tab serves every invite, reused and never
 * reopened more than once a second, so a page that reloads itself in a loop cannot flood the
 * browser with tabs.
 */
import browser from 'webextension-polyfill';
import { contactCardFromText, contactCardToText } from '../core/identity/contact-card';
import { INVITE_TAB_FRAGMENT } from '../messaging/invite-requests';

const MIN_GAP_MS = 1000;

let inviteTab: number | null = null;
let lastOpenedAt = 0;

export async function showInvite(cardText: string): Promise<Record<string, never>> {
  let card: string;
  try {
    // Re-encoded from what was read: only a well-formed card reaches Murmur's page.
    card = contactCardToText(contactCardFromText(cardText));
  } catch {
    return {};
  }
  const now = Date.now();
  if (now - lastOpenedAt < MIN_GAP_MS) return {};
  lastOpenedAt = now;
  const url = browser.runtime.getURL(`murmur.html${INVITE_TAB_FRAGMENT}${card}`);
  if (inviteTab !== null) {
    try {
      await browser.tabs.update(inviteTab, { url, active: true });
      return {};
    } catch {
      // Closed by the user since.
    }
  }
  inviteTab = (await browser.tabs.create({ url, active: true })).id ?? null;
  return {};
}
