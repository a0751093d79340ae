/**
 * An invite link: a contact card as a web address on the owner's tracker,
 *   https://tracker.example/murmur/invite#murmur1.…
 * The card rides in the fragment, which a browser never sends to any server: the tracker serves
 * the same page for every invite and learns only that someone opened one (PROTOCOL.md §2, §10).
 * In a browser with Murmur, Murmur's own content script reads the fragment and offers the card
 * in Murmur's window; anywhere else the page explains what Murmur is.
 */
import { parseTrackerUrl } from '../tracker-url';

/** The last path segment of an invite page, under the tracker's path. */
export const INVITE_PAGE = 'invite';

/** The invite page's address on a tracker (`ws://h:p/murmur` → `http://h:p/murmur/invite`). */
export function invitePageOf(tracker: string): string | null {
  const parsed = parseTrackerUrl(tracker);
  if (!parsed.ok) return null;
  const { secure, host, port, path } = parsed.value;
  const defaultPort = secure ? 443 : 80;
  const portPart = port === defaultPort ? '' : `:${port}`;
  return `${secure ? 'https' : 'http'}://${host}${portPart}${path}${INVITE_PAGE}`;
}

/** The link for a card's text form, on the tracker the card names; null if it has none we can read. */
export function inviteLinkOf(cardText: string, tracker: string): string | null {
  const page = invitePageOf(tracker);
  return page ? `${page}#${cardText}` : null;
}
