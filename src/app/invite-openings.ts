/**
 * Which opened invite links may show Murmur's invite tab. The card is read first, so a page
 * that is not really an invite opens nothing; then one tab serves every invite, never replaced
 * more than once a second, and one site opens it at most a few times a minute — so a page that
 * reloads itself or walks from invite to invite cannot flood the browser with tabs or keep
 * replacing the offer the person is reading. An invite the page could have swapped
 * (core/identity/invite-opening.ts) is shown as refused, with why.
 */
import { contactCardFromText, contactCardToText } from '../core/identity/contact-card';
import type { InviteOpening } from '../core/identity/invite-opening';
import { entryOf } from '../core/map-entry';
import { TokenBucket } from '../core/token-bucket';
import type { InviteTabAddress } from '../messaging/invite-tab-address';

const MIN_GAP_MS = 1000;
/** Per site: three at once, then one a minute. */
const SITE_BURST = 3;
const SITE_PER_MINUTE = 1;
const SITES_REMEMBERED = 64;

/** Re-encoded from what was read: only a well-formed card reaches Murmur's page. */
function wellFormed(cardText: string): string | null {
  try {
    return contactCardToText(contactCardFromText(cardText));
  } catch {
    return null;
  }
}

export class InviteOpenings {
  private lastOpenedAt = 0;
  private readonly perSite = new Map<string, TokenBucket>();

  /** What the invite tab should show now, or null: leave it as it is. */
  admit(cardText: string, opening: InviteOpening, now = Date.now()): InviteTabAddress | null {
    const card = wellFormed(cardText);
    if (card === null || now - this.lastOpenedAt < MIN_GAP_MS) return null;
    if (!this.siteMayOpen(opening.site)) return null;
    this.lastOpenedAt = now;
    return opening.ok
      ? { kind: 'offer', card, site: opening.site }
      : { kind: 'refused', reason: opening.reason, site: opening.site };
  }

  private siteMayOpen(site: string): boolean {
    if (this.perSite.size > SITES_REMEMBERED)
      for (const [known, bucket] of this.perSite) if (bucket.idle) this.perSite.delete(known);
    const newBucket = () => new TokenBucket(SITE_PER_MINUTE / 60, SITE_BURST);
    return entryOf(this.perSite, site, newBucket).take();
  }
}
