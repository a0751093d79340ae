/**
 * The background's wiring, shared by both browsers: runs Murmur (`src/app/murmur.ts`) over
 * the extension's store and settings, routes typed requests from the popup, options page and
 * content script to it, hands it the network host's data channels (`src/transport/link-router.ts`), keeps
 * the host configured with our tracker key, trackers and friends, and tells open pages what
 * changed.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { fromBase64Url, toBase64Url } from '../core/bytes';
import { signingKeyFromSeed } from '../core/crypto/ed25519';
import { peerIdOf } from '../core/tracker/peer-id';
import { contentRequests } from '../messaging/content-requests';
import { inviteRequests } from '../messaging/invite-requests';
import { showInvite } from './invite-tab';
import { judgeInviteOpening } from '../core/identity/invite-opening';
import { keepInviteScripts } from './invite-scripts';
import { trackerErrors } from './tracker-errors';
import { explainLink } from '../app/tracker-reasons';
import { linkEvents, type LinkEvents } from '../messaging/link-events';
import type { Handlers } from '../messaging/request-map';
import { dispatch, route, type Routes } from '../messaging/router';
import type { BackgroundStatus, BrowserName } from '../messaging/status';
import { uiRequests } from '../messaging/ui-requests';
import { toolbarAttention } from './toolbar';
import { openStore } from './database';
import type { HostPort } from './host-port';
import { Murmur } from '../app/murmur';
import { LinkRouter, linkEventHandlers } from '../transport/link-router';
import { describeSender, pagePortOf, type SenderContext } from './sender';
import { serveBackupPort } from './backup-service';
import { showShareWindow } from './share-window';
import { forgetTrackerKey, loadNetworkSettings, loadOrCreateTrackerKey } from './settings-store';
import { BACKUP_PORT } from '../messaging/backup-port';
import { UPDATE_TOPICS, UPDATES_PORT } from '../messaging/page-updates';
import { extensionSettings } from './extension-settings';
import { unlockedKeys } from './unlocked-keys';
import { pageUpdates } from './page-updates';
import { uiHandlers } from './ui-routes';

export interface RunningBackground {
  /** What the network host reports about data channels (in-process on Firefox). */
  linkHandlers: Handlers<LinkEvents, unknown>;
}

export function startBackground(browserName: BrowserName, host: HostPort): RunningBackground {
  const startedAt = Date.now();
  // A new epoch tells the host that sessions on its open channels died with the old background.
  const epoch = toBase64Url(crypto.getRandomValues(new Uint8Array(9)));

  const peerId = async () => {
    const seed = fromBase64Url(await loadOrCreateTrackerKey());
    if (!seed) throw new TypeError('the stored tracker key is not base64url');
    return peerIdOf(signingKeyFromSeed(seed).publicKey);
  };

  const store = openStore();
  const updates = pageUpdates();
  // The browser's reasons a tracker cannot be reached, for the sites the person allowed.
  const trackerReasons = trackerErrors(() => updates.tell('status'));
  const inviteScripts = keepInviteScripts((message) => console.warn('Murmur:', message));
  const service = new Murmur({
    store,
    settings: extensionSettings,
    unlockedKeys,
    address: async () => ({
      peerId: await peerId(),
      tracker: (await loadNetworkSettings()).trackers[0] ?? '',
    }),
    network: { configure: () => configureHost(), reach: () => reach() },
    attention: toolbarAttention,
    askToShare: showShareWindow,
    changed: updates.tell,
  });
  const links = new LinkRouter(host.client, (channel, initiator) =>
    service.attach(channel, initiator),
  );

  async function configureHost(): Promise<void> {
    await host.ensure();
    const [trackerKey, network, { friends, inviteSecrets }] = await Promise.all([
      loadOrCreateTrackerKey(),
      loadNetworkSettings(),
      service.networkConfig(),
    ]);
    await host.client.request('host.configure', {
      trackerKey,
      network,
      friends,
      inviteSecrets,
      epoch,
    });
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
      const current = await host.client.request('host.status', {});
      const trackers = current.trackers.map((link) => explainLink(trackerReasons, link));
      return { ...base, host: { reachable: true, status: { ...current, trackers } } };
    } catch (error) {
      return { ...base, host: { reachable: false, error: String(error) } };
    }
  }

  /** How each friend is reached now; unknown (empty) while the host cannot be reached. */
  async function reach() {
    const current = await status();
    return current.host.reachable ? current.host.status.reach : {};
  }

  const linkHandlers = linkEventHandlers(links, () => updates.tell('friends', 'status'));

  const routes: Routes<SenderContext> = {
    ui: route(
      uiRequests,
      uiHandlers({
        service,
        host,
        status,
        reviveHost,
        configureHost,
        trackerReasons,
        inviteScripts,
        tell: updates.tell,
      }),
      (sender) => sender.fromExtensionPage,
    ),
    // Only our content script on Facebook's own pages; it gets acknowledgements, nothing else.
    content: route<typeof contentRequests, SenderContext>(
      contentRequests,
      service.content,
      (sender) => sender.fromContentScript && sender.onFacebook,
    ),
    // Only our content script on an invite page (the default tracker's, or an allowed site's);
    // it gets an empty answer.
    invite: route(
      inviteRequests,
      {
        'invite.open': ({ card, redirected }, sender) =>
          showInvite(card, judgeInviteOpening(sender.url, redirected)),
      },
      (sender) => sender.fromContentScript && sender.onInvitePage,
    ),
    // Only our own offscreen document hosts the network on Chromium.
    link: route(linkEvents, linkHandlers, (sender: SenderContext) => sender.fromExtensionPage),
  };

  const extensionOrigin = browser.runtime.getURL('');
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) =>
    dispatch(message, describeSender(sender, extensionOrigin), routes, {
      foreignChannels: ['host'],
      answerMalformed: true,
    }),
  );

  browser.runtime.onConnect.addListener((port) => {
    // Only our own pages may make or restore backups or hear of changes.
    const kind = pagePortOf(port, extensionOrigin);
    if (kind === 'refused') return port.disconnect();
    if (kind === UPDATES_PORT) return updates.accept(port);
    if (kind !== BACKUP_PORT) return;
    serveBackupPort(port, {
      db: store.db,
      identity: () => service.currentIdentity(),
      stop: async () => {
        links.closeAll();
        await service.stop();
        await unlockedKeys.set(null);
      },
      start: async () => {
        forgetTrackerKey();
        const view = await service.start();
        // As above: the host is configured again when it can be reached; the restore stands.
        await configureHost().catch(() => undefined);
        // Everything a page shows may be different now.
        updates.tell(...UPDATE_TOPICS);
        return view;
      },
    });
  });

  configureHost().catch((error: unknown) =>
    console.warn('Murmur: network host not ready yet:', String(error)),
  );
  return { linkHandlers };
}
