/** Who sent a runtime message, reduced to what the routers decide on. */
import type { Runtime } from 'webextension-polyfill';
import { INVITE_PAGE } from '../core/identity/invite-link';
import { BACKUP_PORT } from '../messaging/backup-port';
import { UPDATES_PORT } from '../messaging/page-updates';

export interface SenderContext {
  /** An extension page of ours (popup, options, offscreen document), never a web page. */
  fromExtensionPage: boolean;
  /** A content script running in a web page's tab. */
  fromContentScript: boolean;
  /** The sending tab shows one of Facebook's own hosts (where our content script runs). */
  onFacebook: boolean;
  /** The sending tab shows an invite page (where our invite content script runs). */
  onInvitePage: boolean;
  /** The sender's address as the browser reports it (a page cannot make it up); '' if none. */
  url: string;
}

const FACEBOOK_HOSTS = new Set(['www.facebook.com', 'web.facebook.com', 'm.facebook.com']);

function isFacebookPage(url: string | undefined): boolean {
  try {
    const parsed = new URL(url ?? '');
    return parsed.protocol === 'https:' && FACEBOOK_HOSTS.has(parsed.hostname);
  } catch {
    return false;
  }
}

function isInvitePage(url: string | undefined): boolean {
  try {
    const parsed = new URL(url ?? '');
    return /^https?:$/.test(parsed.protocol) && parsed.pathname.endsWith(`/${INVITE_PAGE}`);
  } catch {
    return false;
  }
}

export function describeSender(
  sender: Runtime.MessageSender,
  extensionOrigin: string,
): SenderContext {
  const fromExtensionPage = sender.url?.startsWith(extensionOrigin) ?? false;
  return {
    fromExtensionPage,
    fromContentScript: !fromExtensionPage && sender.tab !== undefined,
    onFacebook: isFacebookPage(sender.url),
    onInvitePage: isInvitePage(sender.url),
    url: sender.url ?? '',
  };
}

/** Our own extension pages' ports; any other name is not ours to answer. */
const PAGE_PORTS = [BACKUP_PORT, UPDATES_PORT] as const;
export type PagePort = (typeof PAGE_PORTS)[number];

/**
 * Which of our ports a connection asks for: null when it is no port of ours, 'refused' when it
 * is one but not from our own extension pages (a content script's port is closed).
 */
export function pagePortOf(
  port: Runtime.Port,
  extensionOrigin: string,
): PagePort | 'refused' | null {
  const name = PAGE_PORTS.find((known) => known === port.name);
  if (!name) return null;
  const fromUs = port.sender && describeSender(port.sender, extensionOrigin).fromExtensionPage;
  return fromUs ? name : 'refused';
}
