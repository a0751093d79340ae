/** Who sent a runtime message, reduced to what the routers decide on. */
import type { Runtime } from 'webextension-polyfill';

export interface SenderContext {
  /** An extension page of ours (popup, options, offscreen document), never a web page. */
  fromExtensionPage: boolean;
  /** A content script running in a web page's tab. */
  fromContentScript: boolean;
}

export function describeSender(
  sender: Runtime.MessageSender,
  extensionOrigin: string,
): SenderContext {
  const fromExtensionPage = sender.url?.startsWith(extensionOrigin) ?? false;
  return {
    fromExtensionPage,
    fromContentScript: !fromExtensionPage && sender.tab !== undefined,
  };
}
