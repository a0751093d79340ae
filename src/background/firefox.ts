/**
 * Firefox entry (MV3 event page). The background page has RTCPeerConnection, so the network
 * host runs right here and is called in-process through the same typed request maps.
 */
import type { LinkEvents } from '../messaging/link-events';
import type { Handlers } from '../messaging/request-map';
import { inProcessHost } from '../transport/in-process-host';
import { keepBackgroundAwake } from './firefox-keepalive';
import { startBackground } from './main';

let linkHandlers: Handlers<LinkEvents, unknown> | null = null;
const { client } = inProcessHost('background', () => linkHandlers);

linkHandlers = startBackground('firefox', {
  context: 'background',
  // In-process: always there, configured at start-up.
  ensure: async () => false,
  client,
}).linkHandlers;

keepBackgroundAwake();
