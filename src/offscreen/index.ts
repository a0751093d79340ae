/** Chromium's offscreen document: hosts the network (PeerJS) for the service worker. */
import browser, { type Runtime } from 'webextension-polyfill';
import { createClient } from '../messaging/client';
import { hostRequests } from '../messaging/host-requests';
import type { LinkEvents } from '../messaging/link-events';
import { dispatch, route } from '../messaging/router';
import { linkSinkTo } from '../transport/link-sink';
import { NetworkHost } from '../transport/network-host';

// Each event is a runtime message: it also wakes the service worker if Chromium stopped it.
const background = createClient<LinkEvents>(
  'link',
  (message) => browser.runtime.sendMessage(message),
  10_000,
);
const networkHost = new NetworkHost('offscreen', linkSinkTo(background));
const extensionOrigin = browser.runtime.getURL('');
const routes = {
  host: route(hostRequests, networkHost.handlers(), (fromExtension: boolean) => fromExtension),
};

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) =>
  // Only the `host` channel is ours; the background answers everything else.
  dispatch(message, sender.url?.startsWith(extensionOrigin) ?? sender.tab === undefined, routes, {
    foreignChannels: ['ui', 'content', 'link'],
    answerMalformed: false,
  }),
);
