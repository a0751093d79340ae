/**
 * Invite links on trackers other than the default one: once the person allows Murmur on a
 * tracker's site (Options › Network asks, or the browser's own extension settings), the invite
 * content script is registered on that site's invite pages, and unregistered when the
 * permission goes. Murmur asks for no site at install; the default tracker's page is in the
 * manifest. Registrations are made again from the granted permissions at every start, so a
 * browser that does not keep them across sessions loses nothing.
 */
import browser from 'webextension-polyfill';
import { invitePatternsFor, registrationChange } from '../core/identity/invite-match';

export const INVITE_SCRIPT_ID = 'murmur-invite-links';

const manifestMatches = () =>
  (browser.runtime.getManifest().content_scripts ?? []).flatMap((script) => script.matches ?? []);

async function sync(): Promise<void> {
  const granted = (await browser.permissions.getAll()).origins;
  const wanted = invitePatternsFor(granted ?? [], manifestMatches());
  const ids = [INVITE_SCRIPT_ID];
  const [registered] = await browser.scripting.getRegisteredContentScripts({ ids });
  const change = registrationChange(registered, wanted);
  if (change === 'unchanged') return;
  if (change.unregister) await browser.scripting.unregisterContentScripts({ ids });
  if (change.register.length === 0) return;
  await browser.scripting.registerContentScripts([
    { id: INVITE_SCRIPT_ID, matches: change.register, js: ['invite.js'], runAt: 'document_start' },
  ]);
}

export interface InviteScripts {
  /** When the changes heard so far are made. */
  settled(): Promise<void>;
  /**
   * Brings the registration in step with the sites granted now, and resolves once it is. For
   * Options, which must not say "allowed" before a link there opens in Murmur: the page and
   * the background each hear the grant, in no set order, and a link opened in between found
   * no script (a loaded machine took seconds).
   */
  inStep(): Promise<void>;
}

/** Keeps the registration in step with the granted sites, one change at a time. */
export function keepInviteScripts(log: (message: string) => void): InviteScripts {
  let chain = Promise.resolve();
  const again = () => {
    chain = chain.then(sync).catch((error: unknown) => log(`invite links: ${String(error)}`));
  };
  browser.permissions.onAdded.addListener(again);
  browser.permissions.onRemoved.addListener(again);
  again();
  return {
    settled: () => chain,
    inStep: () => {
      again();
      return chain;
    },
  };
}
