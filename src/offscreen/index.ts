/** Chromium's offscreen document: hosts the network (PeerJS) for the service worker. */
import browser, { type Runtime } from 'webextension-polyfill';
import { hostRequests } from '../messaging/host-requests';
import { dispatch, route } from '../messaging/router';
import { NetworkHost } from '../transport/network-host';

const networkHost = new NetworkHost('offscreen');
const extensionOrigin = browser.runtime.getURL('');
const routes = {
  host: route(hostRequests, networkHost.handlers(), (fromExtension: boolean) => fromExtension),
};

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) =>
  // Only the `host` channel is ours; the background answers everything else.
  dispatch(message, sender.url?.startsWith(extensionOrigin) ?? sender.tab === undefined, routes, {
    foreignChannels: ['ui', 'content'],
    answerMalformed: false,
  }),
);
