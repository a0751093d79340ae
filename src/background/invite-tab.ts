/**
 * An invite link opened in the browser: Murmur asks in a tab of its own (murmur.html, the card
 * and the site it was opened on in its fragment), never in the web page. The card is read
 * before anything opens, so a page that is not really an invite opens nothing. An invite the
 * page could have swapped (reached through a redirect, or served over plain http off this
 * computer: core/identity/invite-opening.ts) is not offered; the tab says why. One tab serves
 * every invite, reused and never reopened more than once a second, and one site opens it at
 * most a few times a minute, so a page that reloads itself or navigates from invite to invite
 * cannot flood the browser with tabs or keep replacing the offer the person is reading.
 */
import browser from 'webextension-polyfill';
import { contactCardFromText, contactCardToText } from '../core/identity/contact-card';
import type { InviteOpening } from '../core/identity/invite-opening';
import { TokenBucket } from '../core/token-bucket';
import { entryOf } from '../core/map-entry';
import { inviteTabFragment, type InviteTabAddress } from '../messaging/invite-tab-address';

const MIN_GAP_MS = 1000;
/** Per site: three at once, then one a minute. */
const SITE_BURST = 3;
const SITE_PER_MINUTE = 1;
const SITES_REMEMBERED = 64;

let inviteTab: number | null = null;
let lastOpenedAt = 0;
const perSite = new Map<string, TokenBucket>();

export async function showInvite(
  cardText: string,
  opening: InviteOpening,
): Promise<Record<string, never>> {
  let card: string;
  try {
    // Re-encoded from what was read: only a well-formed card reaches Murmur's page.
    card = contactCardToText(contactCardFromText(cardText));
  } catch {
    return {};
  }
  const now = Date.now();
  if (now - lastOpenedAt < MIN_GAP_MS) return {};
  if (!siteMayOpen(opening.site)) return {};
  lastOpenedAt = now;
  const address: InviteTabAddress = opening.ok
    ? { kind: 'offer', card, site: opening.site }
    : { kind: 'refused', reason: opening.reason, site: opening.site };
  const url = browser.runtime.getURL(`murmur.html${inviteTabFragment(address)}`);
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

function siteMayOpen(site: string): boolean {
  if (perSite.size > SITES_REMEMBERED)
    for (const [known, bucket] of perSite) if (bucket.idle) perSite.delete(known);
  const bucket = entryOf(perSite, site, () => new TokenBucket(SITE_PER_MINUTE / 60, SITE_BURST));
  return bucket.take();
}
