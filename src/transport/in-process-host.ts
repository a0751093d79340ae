/**
 * A network host in the same process as the app that uses it (Firefox's background page, the
 * Murmur home): requests and link events go through the same typed request maps, and their
 * guards, as they do between Chromium's background and offscreen document.
 */
import { createClient, type Client } from '../messaging/client';
import { hostRequests, type HostRequests } from '../messaging/host-requests';
import { linkEvents, type LinkEvents } from '../messaging/link-events';
import type { Handlers } from '../messaging/request-map';
import { dispatch, route } from '../messaging/router';
import type { HostContext } from '../messaging/status';
import { linkSinkTo } from './link-sink';
import { NetworkHost } from './network-host';

export interface InProcessHost {
  network: NetworkHost;
  client: Client<HostRequests>;
}

/** `linkHandlers` is read at each event: the app that handles them may start after the host. */
export function inProcessHost(
  context: HostContext,
  linkHandlers: () => Handlers<LinkEvents, unknown> | null,
): InProcessHost {
  const options = { foreignChannels: [], answerMalformed: true };
  const toApp = createClient<LinkEvents>('link', async (message) => {
    const handlers = linkHandlers();
    return handlers
      ? dispatch(message, null, { link: route(linkEvents, handlers, () => true) }, options)
      : undefined;
  });
  const network = new NetworkHost(context, linkSinkTo(toApp));
  const hostRoutes = { host: route(hostRequests, network.handlers(), () => true) };
  const client = createClient<HostRequests>('host', async (message) =>
    dispatch(message, null, hostRoutes, options),
  );
  return { network, client };
}
