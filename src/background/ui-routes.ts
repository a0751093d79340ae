/**
 * What the popup, the options page and the share window may ask (channel `ui`), each answered
 * by the app or the background's own settings. Wiring only: the answers come from elsewhere.
 */
import type { Handlers } from '../messaging/request-map';
import type { BackgroundStatus } from '../messaging/status';
import type { UiRequests } from '../messaging/ui-requests';
import type { FriendView } from '../messaging/views';
import { relayView, setRelayPolicy } from '../app/relay-settings';
import { thumbnailsFrom } from '../app/thumbnails';
import { setVerified } from '../app/walls';
import { previewInvite } from '../app/request-checks';
import { authorPictures } from '../app/author-pictures';
import { Refusal } from '../core/refusal';
import {
  friendsOfFriendsSettings,
  setFriendsOfFriends,
  shareFriendList,
} from '../app/friends-of-friends';
import {
  clearUnread,
  feedSeen,
  lastRead,
  markRead,
  notificationsEnabled,
  setNotificationsEnabled,
  unreadCount,
} from './attention';
import { loadLists, saveLists } from '../app/audience-lists';
import { backupReminder, dismissBackupReminder } from './backup-reminder';
import { crosspostView, saveCrosspostSettings } from './crosspost';
import { extensionSettings } from './extension-settings';
import type { HostPort } from './host-port';
import type { Murmur } from '../app/murmur';
import type { SenderContext } from './sender';
import { loadNetworkSettings, saveNetworkSettings } from './settings-store';
import { explainTest, type TrackerErrors } from './tracker-errors';
import type { NodeStore } from '../core/state/store-port';

type ShareWindowRequests = 'mirror.pending' | 'mirror.share' | 'mirror.skip';

export interface UiWiring {
  service: Murmur;
  store: NodeStore;
  host: HostPort;
  status(): Promise<BackgroundStatus>;
  reviveHost(): Promise<void>;
  configureHost(): Promise<void>;
  friendsWithConnections(): Promise<FriendView[]>;
  /** The browser's reasons a tracker cannot be reached (allowed sites only). */
  trackerReasons: TrackerErrors;
  shareWindow: Pick<Handlers<UiRequests, SenderContext>, ShareWindowRequests>;
}

export function uiHandlers(wiring: UiWiring): Handlers<UiRequests, SenderContext> {
  const { service, store } = wiring;
  return {
    status: () => wiring.status(),
    'settings.network.get': () => loadNetworkSettings(),
    'network.test': async () => {
      await wiring.reviveHost();
      const result = await wiring.host.client.request('host.test-connection', {});
      return explainTest(wiring.trackerReasons, result);
    },
    'settings.network.set': async (settings) => {
      await saveNetworkSettings(settings);
      await wiring.configureHost();
      return settings;
    },
    'identity.get': () => service.identityView(),
    'identity.create': async ({ displayName, passphrase }) => {
      const view = await service.createIdentity(displayName, passphrase);
      await wiring.configureHost();
      return view;
    },
    'identity.lock-state': () => service.lockState(),
    'identity.unlock': async ({ passphrase }) => {
      const view = await service.unlock(passphrase);
      await wiring.configureHost();
      return view;
    },
    'identity.passphrase': async ({ current, next }) => {
      await service.setPassphrase(current, next);
      return service.lockState();
    },
    'identity.import': async ({ armored, passphrase }) => {
      const view = await service.importIdentity(armored, passphrase);
      await wiring.configureHost();
      return view;
    },
    'friends.add': ({ card, introduction }) => service.addFriend(card, introduction),
    'invites.preview': async ({ card }) => {
      const me = await service.currentIdentity();
      if (!me) throw new Refusal('no-identity', 'no running identity');
      return previewInvite(store, me, card);
    },
    'friends.remove': async ({ fingerprint, block }) => {
      await service.removeFriend(fingerprint, block);
      return wiring.friendsWithConnections();
    },
    'requests.list': () => service.requests(),
    'requests.answer': async ({ id, accept }) => {
      await service.answerRequest(id, accept);
      return service.requests();
    },
    'friends.list': () => wiring.friendsWithConnections(),
    'messages.send': ({ to, text }) => service.sendDirect(to, text),
    'posts.publish': ({ text, to, thumbnails }) =>
      service.publish(text, to, { thumbnails: thumbnailsFrom(thumbnails), mirroredFrom: null }),
    'messages.list': (query) => service.messages(query),
    'outbox.status': ({ id }) => service.outboxStatus(id),
    'replies.send': (request) => service.reply(request),
    'identity.export': ({ passphrase }) => service.exportKeys(passphrase),
    'relay.get': () => relayView(store),
    'relay.set': (policy) => setRelayPolicy(store, policy),
    'conversations.list': async () => service.conversations(await lastRead()),
    'wall.get': ({ fingerprint }) => service.wall(fingerprint),
    'friends.verify': async ({ fingerprint, verified }) => {
      await setVerified(store, fingerprint, verified);
      return verified;
    },
    'conversations.read': async ({ with: fingerprint }) => {
      await markRead(fingerprint);
      return true;
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
    'pictures.list': async () =>
      authorPictures(store, extensionSettings, await service.currentIdentity()),
    'profile.set': (profile) => service.setProfile(profile),
    'fof.get': () => friendsOfFriendsSettings(extensionSettings),
    'fof.set': async (view) => {
      await setFriendsOfFriends(extensionSettings, view);
      await shareFriendList(await service.runningNode(), store, extensionSettings);
      return friendsOfFriendsSettings(extensionSettings);
    },
    'lists.get': () => loadLists(extensionSettings),
    'lists.set': ({ lists }) => saveLists(extensionSettings, lists),
    'crosspost.get': () => crosspostView(),
    'crosspost.set': (settings) => saveCrosspostSettings(settings),
    ...wiring.shareWindow,
    'backup.reminder.get': async () => backupReminder(await service.identityCreatedAt()),
    'backup.reminder.dismiss': async () => {
      await dismissBackupReminder();
      return backupReminder(await service.identityCreatedAt());
    },
  };
}
