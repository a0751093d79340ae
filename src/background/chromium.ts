/**
 * Chromium entry (MV3 service worker). Service workers have no RTCPeerConnection, so the
 * network host lives in an offscreen document that this worker creates on demand.
 * https://developer.chrome.com/docs/extensions/reference/api/offscreen
 */
import browser from 'webextension-polyfill';
import { createClient } from '../messaging/client';
import type { HostRequests } from '../messaging/host-requests';
import { startBackground } from './main';

const OFFSCREEN_URL = 'offscreen.html';
let creating: Promise<void> | null = null;

async function ensureOffscreenDocument(): Promise<boolean> {
  const url = chrome.runtime.getURL(OFFSCREEN_URL);
  const existing = await chrome.runtime.getContexts({
    contextTypes: [chrome.runtime.ContextType.OFFSCREEN_DOCUMENT],
    documentUrls: [url],
  });
  if (existing.length > 0) return false;
  // Two concurrent createDocument calls make the second throw; share one attempt (the caller
  // that started it configures the new host).
  if (creating) {
    await creating;
    return false;
  }
  creating = chrome.offscreen
    .createDocument({
      url: OFFSCREEN_URL,
      reasons: [chrome.offscreen.Reason.WEB_RTC],
      justification: 'Murmur talks to friends over WebRTC data channels.',
    })
    .finally(() => {
      creating = null;
    });
  await creating;
  return true;
}

startBackground('chromium', {
  context: 'offscreen',
  ensure: ensureOffscreenDocument,
  client: createClient<HostRequests>(
    'host',
    (message) => browser.runtime.sendMessage(message),
    5_000,
  ),
});
