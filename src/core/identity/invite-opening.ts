/**
 * Whether an invite link opened in the browser may be offered. Whoever serves the invite page
 * (the tracker's operator; for an `http:` page, anyone on the path) could swap the card in its
 * fragment before Murmur reads it: by a script in the page (Murmur reads at document_start,
 * before any), by a redirect whose Location carries another fragment, or by rewriting a plain
 * `http:` response on the way. So an invite reached through a redirect is refused, and so is an
 * `http:` invite page off this computer; what is offered names the site it was opened on.
 */

export type InviteRefusal = 'redirected' | 'insecure';

export type InviteOpening =
  { ok: true; site: string } | { ok: false; reason: InviteRefusal; site: string };

const LOOPBACK_HOSTS = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/;

/** `pageUrl`: the tab's address as the browser reports it; `redirected`: its navigation was. */
export function judgeInviteOpening(pageUrl: string, redirected: boolean): InviteOpening {
  let url: URL;
  try {
    url = new URL(pageUrl);
  } catch {
    return { ok: false, reason: 'insecure', site: '' };
  }
  const site = url.host;
  if (redirected) return { ok: false, reason: 'redirected', site };
  if (url.protocol === 'https:') return { ok: true, site };
  if (url.protocol === 'http:' && LOOPBACK_HOSTS.test(url.hostname)) return { ok: true, site };
  return { ok: false, reason: 'insecure', site };
}
