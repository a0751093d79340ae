/**
 * Firefox entry (MV3 event page). The background page has RTCPeerConnection, so the network
 * host runs right here and is called in-process through the same typed request maps.
 */
import { createClient } from '../messaging/client';
import { hostRequests, type HostRequests } from '../messaging/host-requests';
import { linkEvents, type LinkEvents } from '../messaging/link-events';
import type { Handlers } from '../messaging/request-map';
import { dispatch, route } from '../messaging/router';
import { linkSinkTo } from '../transport/link-sink';
import { NetworkHost } from '../transport/network-host';
import { keepBackgroundAwake } from './firefox-keepalive';
import { startBackground } from './main';

let linkHandlers: Handlers<LinkEvents, unknown> | null = null;
const toBackground = createClient<LinkEvents>('link', async (message) =>
  linkHandlers
    ? dispatch(
        message,
        null,
        { link: route(linkEvents, linkHandlers, () => true) },
        {
          foreignChannels: [],
          answerMalformed: true,
        },
      )
    : undefined,
);
const networkHost = new NetworkHost('background', linkSinkTo(toBackground));
const hostRoutes = { host: route(hostRequests, networkHost.handlers(), () => true) };

linkHandlers = startBackground('firefox', {
  context: 'background',
  // In-process: always there, configured at start-up.
  ensure: async () => false,
  client: createClient<HostRequests>('host', async (message) =>
    dispatch(message, null, hostRoutes, { foreignChannels: [], answerMalformed: true }),
  ),
}).linkHandlers;

keepBackgroundAwake();
