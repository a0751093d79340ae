/**
 * The background's wiring, shared by both browsers: routes typed requests from the popup,
 * options page and content script, and keeps the network host configured.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { contentRequests } from '../messaging/content-requests';
import { dispatch, route, type Routes } from '../messaging/router';
import type { BackgroundStatus, BrowserName } from '../messaging/status';
import { uiRequests } from '../messaging/ui-requests';
import type { HostPort } from './host-port';
import { describeSender, type SenderContext } from './sender';
import { loadNetworkSettings, loadOrCreateTrackerKey, saveNetworkSettings } from './settings-store';

export function startBackground(browserName: BrowserName, host: HostPort): void {
  const startedAt = Date.now();

  async function configureHost(): Promise<void> {
    await host.ensure();
    const [trackerKey, network] = await Promise.all([
      loadOrCreateTrackerKey(),
      loadNetworkSettings(),
    ]);
    await host.client.request('host.configure', { trackerKey, network });
  }

  /** A host recreated since start-up (e.g. a crashed offscreen document) gets configured again. */
  async function reviveHost(): Promise<void> {
    if (await host.ensure()) await configureHost();
  }

  async function status(): Promise<BackgroundStatus> {
    const base = {
      version: browser.runtime.getManifest().version,
      browser: browserName,
      startedAt,
    };
    try {
      await reviveHost();
      return {
        ...base,
        host: { reachable: true, status: await host.client.request('host.status', {}) },
      };
    } catch (error) {
      return { ...base, host: { reachable: false, error: String(error) } };
    }
  }

  const routes: Routes<SenderContext> = {
    ui: route(
      uiRequests,
      {
        status,
        'settings.network.get': () => loadNetworkSettings(),
        'settings.network.set': async (settings) => {
          await saveNetworkSettings(settings);
          await configureHost();
          return settings;
        },
      },
      (sender) => sender.fromExtensionPage,
    ),
    content: route(contentRequests, {}, (sender) => sender.fromContentScript),
  };

  const extensionOrigin = browser.runtime.getURL('');
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) =>
    dispatch(message, describeSender(sender, extensionOrigin), routes, {
      foreignChannels: ['host'],
      answerMalformed: true,
    }),
  );

  configureHost().catch((error: unknown) =>
    console.warn('Murmur: network host not ready yet:', String(error)),
  );
}
