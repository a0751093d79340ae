/**
 * What the background tells Murmur's invite tab in its address (murmur.html#…): an invite to
 * offer, with the site its link was opened on, or an invite it refused to offer, and why. The
 * card is the one the background read and re-encoded; the site comes from the browser's own
 * report of the sending tab.
 */
import type { InviteRefusal } from '../core/identity/invite-opening';

export type InviteTabAddress =
  | { kind: 'offer'; card: string; site: string }
  | { kind: 'refused'; reason: InviteRefusal; site: string };

const OFFER = '#invite=';
const REFUSED = '#invite-refused=';
const SITE = '&site=';

export function inviteTabFragment(address: InviteTabAddress): string {
  const site = `${SITE}${encodeURIComponent(address.site)}`;
  return address.kind === 'offer'
    ? `${OFFER}${encodeURIComponent(address.card)}${site}`
    : `${REFUSED}${address.reason}${site}`;
}

export function readInviteTabFragment(hash: string): InviteTabAddress | null {
  const at = hash.lastIndexOf(SITE);
  const head = at < 0 ? hash : hash.slice(0, at);
  let site = '';
  try {
    site = at < 0 ? '' : decodeURIComponent(hash.slice(at + SITE.length));
    if (head.startsWith(OFFER))
      return { kind: 'offer', card: decodeURIComponent(head.slice(OFFER.length)), site };
  } catch {
    return null; // not an address the background made
  }
  const reason = head.startsWith(REFUSED) ? head.slice(REFUSED.length) : null;
  return reason === 'redirected' || reason === 'insecure'
    ? { kind: 'refused', reason, site }
    : null;
}
