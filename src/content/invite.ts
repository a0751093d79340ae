/**
 * The invite-page content script: runs on the default tracker's invite page (its match pattern
 * is made at build time, tools/manifests.ts) and on allowed sites' (background/invite-scripts.ts),
 * at document_start — before any script of the page could rewrite the fragment. It reads the
 * card from the fragment, which never reached the server, and whether this page was reached
 * through a redirect (whose Location could have carried another card), and hands both to
 * Murmur, which decides in a tab of its own. It draws nothing in the page and tells the page
 * nothing.
 */
import browser from 'webextension-polyfill';
import { createClient } from '../messaging/client';
import type { InviteRequests } from '../messaging/invite-requests';
import { cardTextOfInviteLink } from '../core/identity/contact-card';

const murmur = createClient<InviteRequests>('invite', (message) =>
  browser.runtime.sendMessage(message),
);

const card = cardTextOfInviteLink(location.href);
/**
 * Redirects the browser counts for this navigation. Navigation Timing counts only redirects
 * within the page's own origin (a cross-origin hop reads 0): the serving site's own swap is
 * seen; what a link shortener in front could do is said in PROTOCOL.md §10.
 */
function redirectCount(): number {
  const [navigation] = performance.getEntriesByType('navigation');
  return navigation && 'redirectCount' in navigation ? Number(navigation.redirectCount) : 0;
}
if (card)
  void murmur.request('invite.open', { card, redirected: redirectCount() > 0 }).catch(
    () => undefined, // Murmur's background is restarting: the person can open the link again
  );
