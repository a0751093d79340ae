/**
 * The requests a page may make of the app: every request of the `ui` channel except the few
 * the host answers about itself (its status and network settings). One door for all of them.
 */
import type { Handlers } from '../messaging/request-map';
import type { UiRequests } from '../messaging/ui-requests';

/** Answered by the host: how it reaches the network is not the app's business. */
export type HostRequestName =
  | 'status'
  | 'settings.network.get'
  | 'settings.network.set'
  | 'network.test'
  | 'invites.scripts.ready';

export type AppRequests = Omit<UiRequests, HostRequestName>;
export type AppRequestName = keyof AppRequests;

/** Handlers for some of the app's requests; a page's sender does not matter to the app. */
export type AppHandlers<K extends AppRequestName = AppRequestName> = Pick<
  Handlers<AppRequests, unknown>,
  K
>;
