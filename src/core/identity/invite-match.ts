/**
 * Where Murmur's invite content script runs (src/content/invite.ts). On the default tracker the
 * manifest says so, granted at install; on any other tracker only once the person allows Murmur
 * on that site (Options › Network), and then the background registers it there
 * (background/invite-scripts.ts). Match patterns take no port in Firefox, and without one they
 * match every port in Chromium.
 */
import { invitePageOf } from './invite-link';

/** An allowed site as the permissions API names it: a scheme, one exact host, every path. */
const SITE = /^(https?):\/\/([^/*:]+)\/\*$/;

/** `ws://h:p/murmur` → `http://h/murmur/invite*`: the manifest's pattern for the default tracker. */
export function invitePagePattern(tracker: string): string | null {
  const page = invitePageOf(tracker);
  if (!page) return null;
  const url = new URL(page);
  return `${url.protocol}//${url.hostname}${url.pathname}*`;
}

/** The site Murmur asks to be allowed on, to open a tracker's invite links: `http://h/*`. */
export function trackerSiteOf(tracker: string): string | null {
  const page = invitePageOf(tracker);
  if (!page) return null;
  const url = new URL(page);
  return `${url.protocol}//${url.hostname}/*`;
}

/**
 * The invite pages on an allowed site (`http://h/*` → `http://h/*invite`: any path that ends in
 * "invite", whatever the tracker's own path); null for anything but one exact http(s) host —
 * never a wildcard host.
 */
export function invitePatternOnSite(site: string): string | null {
  const match = SITE.exec(site);
  return match ? `${match[1]}://${match[2]}/*invite` : null;
}

/** Whether `url` is one a pattern of ours matches: the same scheme and host, the path a glob. */
export function matchesPattern(url: string, pattern: string): boolean {
  const parts = /^(https?):\/\/([^/]+)(\/.*)$/.exec(pattern);
  if (!parts) return false;
  const [, scheme = '', host = '', path = ''] = parts;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== `${scheme}:` || parsed.hostname !== host) return false;
  const glob = path
    .split('*')
    .map((piece) => piece.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${glob}$`).test(parsed.pathname + parsed.search);
}

/** The patterns to register: each allowed site's invite pages, none of the manifest's own sites. */
export function invitePatternsFor(
  grantedOrigins: readonly string[],
  manifestMatches: readonly string[],
): string[] {
  const patterns = grantedOrigins
    .filter((origin) => !manifestMatches.includes(origin))
    .map(invitePatternOnSite)
    .filter((pattern): pattern is string => pattern !== null);
  return [...new Set(patterns)].sort();
}

/** How to get from the registered script (undefined: none) to the wanted patterns. */
export function registrationChange(
  registered: { matches?: readonly string[] } | undefined,
  wanted: readonly string[],
): { unregister: boolean; register: string[] } | 'unchanged' {
  const now = registered ? [...(registered.matches ?? [])].sort() : null;
  if (now && now.join(' ') === wanted.join(' ')) return 'unchanged';
  return { unregister: now !== null, register: [...wanted] };
}
