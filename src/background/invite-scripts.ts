/**
 * Invite links on trackers other than the default one: once the person allows Murmur on a
 * tracker's site (Options › Network asks, or the browser's own extension settings), the invite
 * content script is registered on that site's invite pages, and unregistered when the
 * permission goes. Murmur asks for no site at install; the default tracker's page is in the
 * manifest. Registrations are made again from the granted permissions at every start, so a
 * browser that does not keep them across sessions loses nothing.
 */
import browser from 'webextension-polyfill';
import { invitePatternOnSite } from '../core/identity/invite-match';

export const INVITE_SCRIPT_ID = 'murmur-invite-links';

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

const manifestMatches = () =>
  (browser.runtime.getManifest().content_scripts ?? []).flatMap((script) => script.matches ?? []);

async function sync(): Promise<void> {
  const { origins = [] } = await browser.permissions.getAll();
  const wanted = invitePatternsFor(origins, manifestMatches());
  const [registered] = await browser.scripting.getRegisteredContentScripts({
    ids: [INVITE_SCRIPT_ID],
  });
  const now = [...(registered?.matches ?? [])].sort();
  if (registered && now.join(' ') === wanted.join(' ')) return;
  if (registered) await browser.scripting.unregisterContentScripts({ ids: [INVITE_SCRIPT_ID] });
  if (wanted.length === 0) return;
  await browser.scripting.registerContentScripts([
    { id: INVITE_SCRIPT_ID, matches: wanted, js: ['invite.js'], runAt: 'document_start' },
  ]);
}

/**
 * Keeps the registration in step with the granted sites, one change at a time; `settled` is
 * when the changes heard so far are made.
 */
export function keepInviteScripts(log: (message: string) => void): { settled(): Promise<void> } {
  let chain = Promise.resolve();
  const again = () => {
    chain = chain.then(sync).catch((error: unknown) => log(`invite links: ${String(error)}`));
  };
  browser.permissions.onAdded.addListener(again);
  browser.permissions.onRemoved.addListener(again);
  again();
  return { settled: () => chain };
}
