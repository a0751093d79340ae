/**
 * The page an invite link opens (`<path>/invite#murmur1.…`, src/core/identity/invite-link.ts).
 * One static page for every invite: the card is in the fragment, which the browser never sends,
 * so the tracker cannot tell whose invite was opened. The page runs no script, loads nothing
 * and sends no referrer. In a browser with Murmur, Murmur's own content script reads the
 * fragment and asks in Murmur's window; this page only explains, for a browser without it.
 */
import type { Express } from 'express';

/**
 * Where people get Murmur. Firefox's is the listing itself. Chromium's is a search (Murmur has
 * no Chrome Web Store listing id to link yet), and a search shows whatever else is named alike:
 * the page says so plainly, beside the link, instead of presenting it as the listing.
 */
const STORES = {
  firefox: 'https://addons.mozilla.org/firefox/addon/murmur-messenger/',
  chromiumSearch: 'https://chromewebstore.google.com/search/Murmur%20messenger',
};

export const INVITE_PAGE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>You are invited to Murmur</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; margin: 0; background: #f6f7f9; color: #1c1e21; }
  main { max-width: 34rem; margin: 3rem auto; padding: 1.5rem 2rem; background: #fff;
         border-radius: 12px; box-shadow: 0 1px 3px rgb(0 0 0 / 12%); }
  h1 { font-size: 1.5rem; margin-top: 0; }
  a { color: #1d5fd1; }
  @media (prefers-color-scheme: dark) {
    body { background: #15171a; color: #e4e6eb; }
    main { background: #22252a; box-shadow: none; }
    a { color: #8ab4ff; }
  }
</style>
</head>
<body>
<main>
<h1>You are invited to Murmur</h1>
<p>A friend wants to stay in touch with you on <strong>Murmur</strong>: a private messenger and
wall for friends, in your browser. Posts and messages are end-to-end encrypted and go from
browser to browser, with no company in the middle.</p>
<h2>Have Murmur?</h2>
<p>Murmur opens this invitation in its own tab and asks whether to add your friend. If it did
not, copy this page's address and paste it in Murmur › Friends, under "Paste a friend's card or
invite link". To have invitations on this tracker open by themselves, allow Murmur on this
site in its Options › Network › Your trackers' sites.</p>
<h2>New to Murmur?</h2>
<ol>
<li>Install Murmur for <a href="${STORES.firefox}">Firefox</a>, or for Chrome and Chromium
by <a href="${STORES.chromiumSearch}">searching the Chrome Web Store</a>. That search can show
look-alikes: other add-ons may take a similar name to read what you write. Install only the
one your friend uses — ask them for the link to its page in the store.</li>
<li>Choose your name in Murmur.</li>
<li>Open this link again: Murmur asks whether to add your friend.</li>
</ol>
<p><small>Your friend's invitation is in this address after the “#”, which your browser never
sends to this server.</small></p>
</main>
</body>
</html>
`;

/** Serves the invite page at `<path>/invite`: static, uncached, no script, no referrer. */
export function serveInvitePage(app: Express, path: string): void {
  app.get(`${path.replace(/\/$/, '')}/invite`, (_req, res) => {
    res.set({
      'Content-Security-Policy':
        "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
      'Referrer-Policy': 'no-referrer',
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    });
    res.type('html').send(INVITE_PAGE_HTML);
  });
}
