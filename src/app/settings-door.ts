/**
 * The user's choices: their profile, relaying for friends, notifications, friends of friends,
 * audience lists, Facebook cross-posting and the backup reminder.
 */
import type { AppContext } from './app-context';
import type { AppHandlers } from './app-requests';
import type { Attention } from './attention';
import { loadLists, saveLists } from './audience-lists';
import { backupReminder, dismissBackupReminder } from './backup-reminder';
import { crosspostView, saveCrosspostSettings } from './crosspost';
import {
  friendsOfFriendsSettings,
  setFriendsOfFriends,
  shareFriendList,
} from './friends-of-friends';
import { profileOf, updateProfile } from './profiles';
import { relayView, setRelayPolicy } from './relay-settings';

type SettingsRequests =
  | 'profile.get'
  | 'profile.set'
  | 'relay.get'
  | 'relay.set'
  | 'settings.notifications.get'
  | 'settings.notifications.set'
  | 'fof.get'
  | 'fof.set'
  | 'lists.get'
  | 'lists.set'
  | 'crosspost.get'
  | 'crosspost.set'
  | 'backup.reminder.get'
  | 'backup.reminder.dismiss';

export function settingsDoor(ctx: AppContext, attention: Attention): AppHandlers<SettingsRequests> {
  const { store, settings } = ctx;
  const reminder = async () => {
    const identity = (await ctx.runningOrNull()) && (await store.getIdentity());
    return backupReminder(settings, identity?.createdAt ?? null);
  };
  return {
    'profile.get': async () => profileOf(settings, (await ctx.node()).keyring.me),
    /** A new name, status or picture: kept, and sent to every friend. */
    'profile.set': async (profile) => {
      const node = await ctx.node();
      await updateProfile(node, store, settings, profile);
      return profileOf(settings, node.keyring.me);
    },
    'relay.get': () => relayView(store),
    'relay.set': (policy) => setRelayPolicy(store, policy),
    'settings.notifications.get': () => attention.notificationsEnabled(),
    'settings.notifications.set': ({ enabled }) => attention.setNotificationsEnabled(enabled),
    'fof.get': () => friendsOfFriendsSettings(settings),
    'fof.set': async (view) => {
      await setFriendsOfFriends(settings, view);
      await shareFriendList((await ctx.runningOrNull())?.node ?? null, store, settings);
      return friendsOfFriendsSettings(settings);
    },
    'lists.get': () => loadLists(settings),
    'lists.set': ({ lists }) => saveLists(settings, lists),
    'crosspost.get': () => crosspostView(settings),
    'crosspost.set': (chosen) => saveCrosspostSettings(settings, chosen),
    'backup.reminder.get': reminder,
    'backup.reminder.dismiss': async () => {
      await dismissBackupReminder(settings);
      return reminder();
    },
  };
}
