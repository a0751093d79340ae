/**
 * What the popup, the options page and the share window may ask (channel `ui`): the app's
 * front door, and the few requests the background answers about its network host. Wiring only.
 */
import type { Murmur } from '../app/murmur';
import { tellingChanges, UI_REQUEST_CHANGES } from '../app/request-changes';
import type { Handlers } from '../messaging/request-map';
import type { BackgroundStatus } from '../messaging/status';
import type { UiRequests } from '../messaging/ui-requests';
import type { HostRequestName } from '../app/app-requests';
import type { HostPort } from './host-port';
import type { SenderContext } from './sender';
import { loadNetworkSettings, saveNetworkSettings } from './settings-store';
import { explainTest, type TrackerErrors } from '../app/tracker-reasons';
import type { UpdateTopic } from '../messaging/page-updates';
import type { InviteScripts } from './invite-scripts';

export interface UiWiring {
  service: Murmur;
  host: HostPort;
  status(): Promise<BackgroundStatus>;
  reviveHost(): Promise<void>;
  configureHost(): Promise<void>;
  /** The browser's reasons a tracker cannot be reached (allowed sites only). */
  trackerReasons: TrackerErrors;
  inviteScripts: InviteScripts;
  tell: (...topics: UpdateTopic[]) => void;
}

export function uiHandlers(wiring: UiWiring): Handlers<UiRequests, SenderContext> {
  const hostRequests: Pick<Handlers<UiRequests, SenderContext>, HostRequestName> = {
    status: () => wiring.status(),
    'settings.network.get': () => loadNetworkSettings(),
    'network.test': async () => {
      await wiring.reviveHost();
      const result = await wiring.host.client.request('host.test-connection', {});
      return explainTest(wiring.trackerReasons, result);
    },
    'invites.scripts.ready': async () => {
      await wiring.inviteScripts.inStep();
      return true;
    },
    'settings.network.set': async (settings) => {
      await saveNetworkSettings(settings);
      await wiring.configureHost();
      return settings;
    },
  };
  return {
    ...tellingChanges(hostRequests, UI_REQUEST_CHANGES, wiring.tell),
    ...wiring.service.requests,
  };
}
