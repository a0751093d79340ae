/**
 * Firefox entry (MV3 event page). The background page has RTCPeerConnection, so the network
 * host runs right here and is called in-process through the same typed request map.
 */
import { createClient } from '../messaging/client';
import type { HostRequests } from '../messaging/host-requests';
import { hostRequests } from '../messaging/host-requests';
import { dispatch, route } from '../messaging/router';
import { NetworkHost } from '../transport/network-host';
import { startBackground } from './main';

const networkHost = new NetworkHost('background');
const routes = { host: route(hostRequests, networkHost.handlers(), () => true) };

startBackground('firefox', {
  context: 'background',
  // In-process: always there, configured at start-up.
  ensure: async () => false,
  client: createClient<HostRequests>('host', async (message) =>
    dispatch(message, null, routes, { foreignChannels: [], answerMalformed: true }),
  ),
});
