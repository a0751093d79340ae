/**
 * The background's wiring, shared by both browsers: routes typed requests from the popup,
 * options page and content script, runs Murmur (murmur-service.ts), and keeps the network
 * host configured with our tracker key, trackers and friends.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { fromBase64Url, toBase64Url } from '../core/bytes';
import { signingKeyFromSeed } from '../core/crypto/ed25519';
import { peerIdOf } from '../core/tracker/peer-id';
import { contentRequests } from '../messaging/content-requests';
import { linkEvents, type LinkEvents } from '../messaging/link-events';
import type { Handlers } from '../messaging/request-map';
import { dispatch, route, type Routes } from '../messaging/router';
import type { BackgroundStatus, BrowserName } from '../messaging/status';
import { withConnections } from '../app/friend-connection';
import { uiRequests } from '../messaging/ui-requests';
import {
  clearUnread,
  feedSeen,
  lastRead,
  markRead,
  messageArrived,
  notificationsEnabled,
  requestArrived,
  setNotificationsEnabled,
  unreadCount,
} from './attention';
import { openStore } from './database';
import type { HostPort } from './host-port';
import { MurmurService } from './murmur-service';
import { describeSender, type SenderContext } from './sender';
import { loadLists, saveLists } from './audience-lists';
import {
  friendsOfFriendsSettings,
  setFriendsOfFriends,
  shareFriendList,
} from '../app/friends-of-friends';
import { backupReminder, dismissBackupReminder } from './backup-reminder';
import { serveBackupPort } from './backup-service';
import { crosspost, crosspostView, saveCrosspostSettings } from './crosspost';
import { showShareWindow } from './share-window';
import { relayView, setRelayPolicy } from '../app/relay-settings';
import { thumbnailsFrom } from '../app/thumbnails';
import {
  forgetTrackerKey,
  loadNetworkSettings,
  loadOrCreateTrackerKey,
  saveNetworkSettings,
} from './settings-store';
import { BACKUP_PORT } from '../messaging/backup-port';
import { extensionSettings } from './extension-settings';
import { unlockedKeys } from './unlocked-keys';

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
  const service = new MurmurService({
    store,
    settings: extensionSettings,
    unlockedKeys,
    host: host.client,
    address: async () => ({
      peerId: await peerId(),
      tracker: (await loadNetworkSettings()).trackers[0] ?? '',
    }),
    friendsChanged: () => {
      void configureHost().catch(() => undefined);
      void service
        .runningNode()
        .then((node) => shareFriendList(node, store, extensionSettings))
        .catch(() => undefined);
    },
    messageArrived,
    requestArrived,
  });

  async function configureHost(): Promise<void> {
    await host.ensure();
    const [trackerKey, network, friends] = await Promise.all([
      loadOrCreateTrackerKey(),
      loadNetworkSettings(),
      service.friendAddresses(),
    ]);
    await host.client.request('host.configure', { trackerKey, network, friends, epoch });
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

  const mirroring = crosspost({
    publish: (text, to, extra) => service.publish(text, to, extra),
    ask: showShareWindow,
    namesOf: async (fingerprints) => {
      const friends = await service.friends();
      return friends.filter((f) => fingerprints.includes(f.fingerprint)).map((f) => f.displayName);
    },
  });

  /** The Friends list with how each friend is reached (the host may be asleep: then unknown). */
  async function friendsWithConnections() {
    const friends = await service.friends();
    const [current, outbox] = await Promise.all([status(), store.listOutbox()]);
    const reach = current.host.reachable ? current.host.status.reach : {};
    return withConnections(friends, { reach, outbox, nowSeconds: Math.floor(Date.now() / 1000) });
  }

  const linkHandlers: Handlers<LinkEvents, unknown> = {
    'link.open': async ({ link, peerId, initiator, binding }) => {
      service.links.opened(link, peerId, initiator, fromBase64Url(binding) ?? new Uint8Array());
      return {};
    },
    'link.frame': async ({ link, frame }) => {
      service.links.frame(link, frame);
      return {};
    },
    'link.closed': async ({ link }) => {
      service.links.closed(link);
      return {};
    },
    'link.alive': async () => ({}),
  };

  const routes: Routes<SenderContext> = {
    ui: route(
      uiRequests,
      {
        status,
        'settings.network.get': () => loadNetworkSettings(),
        'network.test': async () => {
          await reviveHost();
          return host.client.request('host.test-connection', {});
        },
        'settings.network.set': async (settings) => {
          await saveNetworkSettings(settings);
          await configureHost();
          return settings;
        },
        'identity.get': () => service.identityView(),
        'identity.create': async ({ displayName, passphrase }) => {
          const view = await service.createIdentity(displayName, passphrase);
          await configureHost();
          return view;
        },
        'identity.lock-state': () => service.lockState(),
        'identity.unlock': async ({ passphrase }) => {
          const view = await service.unlock(passphrase);
          await configureHost();
          return view;
        },
        'identity.passphrase': async ({ current, next }) => {
          await service.setPassphrase(current, next);
          return service.lockState();
        },
        'identity.import': async ({ armored, passphrase }) => {
          const view = await service.importIdentity(armored, passphrase);
          await configureHost();
          return view;
        },
        'friends.add': ({ card, introduction }) => service.addFriend(card, introduction),
        'friends.remove': async ({ fingerprint, block }) => {
          await service.removeFriend(fingerprint, block);
          return friendsWithConnections();
        },
        'requests.list': () => service.requests(),
        'requests.answer': async ({ id, accept }) => {
          await service.answerRequest(id, accept);
          return service.requests();
        },
        'friends.list': () => friendsWithConnections(),
        'messages.send': ({ to, text }) => service.sendDirect(to, text),
        'posts.publish': ({ text, to, thumbnails }) =>
          service.publish(text, to, { thumbnails: thumbnailsFrom(thumbnails), mirroredFrom: null }),
        'messages.list': (query) => service.messages(query),
        'outbox.status': ({ id }) => service.outboxStatus(id),
        'replies.send': (request) => service.reply(request),
        'identity.export': ({ passphrase }) => service.exportKeys(passphrase),
        'relay.get': () => relayView(store),
        'relay.set': (policy) => setRelayPolicy(store, policy),
        'conversations.unread': async () => service.conversationsUnread(await lastRead()),
        'conversations.read': async ({ with: fingerprint }) => {
          await markRead(fingerprint);
          return service.conversationsUnread(await lastRead());
        },
        'feed.seen': () => feedSeen(),
        'unread.get': () => unreadCount(),
        'unread.clear': async () => {
          await clearUnread();
          return 0;
        },
        'settings.notifications.get': () => notificationsEnabled(),
        'settings.notifications.set': async ({ enabled }) => {
          await setNotificationsEnabled(enabled);
          return enabled;
        },
        'profile.get': () => service.profile(),
        'profile.set': (profile) => service.setProfile(profile),
        'fof.get': () => friendsOfFriendsSettings(extensionSettings),
        'fof.set': async (view) => {
          await setFriendsOfFriends(extensionSettings, view);
          await shareFriendList(await service.runningNode(), store, extensionSettings);
          return friendsOfFriendsSettings(extensionSettings);
        },
        'lists.get': () => loadLists(),
        'lists.set': ({ lists }) => saveLists(lists),
        'crosspost.get': () => crosspostView(),
        'crosspost.set': (settings) => saveCrosspostSettings(settings),
        ...mirroring.shareWindow,
        'backup.reminder.get': async () => backupReminder(await service.identityCreatedAt()),
        'backup.reminder.dismiss': async () => {
          await dismissBackupReminder();
          return backupReminder(await service.identityCreatedAt());
        },
      },
      (sender) => sender.fromExtensionPage,
    ),
    // Only our content script on Facebook's own pages; it gets acknowledgements, nothing else.
    content: route(
      contentRequests,
      mirroring.content,
      (sender) => sender.fromContentScript && sender.onFacebook,
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
    if (port.name !== BACKUP_PORT) return;
    // Only our own pages may make or restore backups; a content script's port is closed.
    if (!port.sender || !describeSender(port.sender, extensionOrigin).fromExtensionPage)
      return port.disconnect();
    serveBackupPort(port, {
      db: store.db,
      identity: () => service.currentIdentity(),
      stop: async () => {
        await service.stop();
        await unlockedKeys.set(null);
      },
      start: async () => {
        forgetTrackerKey();
        const view = await service.start();
        await configureHost().catch(() => undefined);
        return view;
      },
    });
  });

  configureHost().catch((error: unknown) =>
    console.warn('Murmur: network host not ready yet:', String(error)),
  );
  return { linkHandlers };
}
