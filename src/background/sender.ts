/** Who sent a runtime message, reduced to what the routers decide on. */
import type { Runtime } from 'webextension-polyfill';

export interface SenderContext {
  /** An extension page of ours (popup, options, offscreen document), never a web page. */
  fromExtensionPage: boolean;
  /** A content script running in a web page's tab. */
  fromContentScript: boolean;
  /** The sending tab shows one of Facebook's own hosts (where our content script runs). */
  onFacebook: boolean;
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

export function describeSender(
  sender: Runtime.MessageSender,
  extensionOrigin: string,
): SenderContext {
  const fromExtensionPage = sender.url?.startsWith(extensionOrigin) ?? false;
  return {
    fromExtensionPage,
    fromContentScript: !fromExtensionPage && sender.tab !== undefined,
    onFacebook: isFacebookPage(sender.url),
  };
}
