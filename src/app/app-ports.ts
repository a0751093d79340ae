/**
 * What a host hands the app: where it keeps things, who it is on the network, and how to tell
 * the user. The extension gives Dexie, its settings table, the network host and the toolbar;
 * a headless home gives a database file, its own network and a log; tests give memory. The
 * app decides; the ports only carry out.
 */
import type { NodeStore } from '../core/state/store-port';
import type { UpdateTopic } from '../messaging/page-updates';
import type { FriendReach } from '../messaging/status';
import type { UnlockedKeyCache } from './account';
import type { SettingsPort } from './settings-port';

/** Something that asks for the user's attention; the host words and shows it. */
export type Notice =
  | { kind: 'message'; id: string; authorName: string; text: string }
  | { kind: 'request'; displayName: string };

export interface AttentionPort {
  /** The number of unread things (a toolbar badge; nothing in a headless home). */
  showUnread(count: number): Promise<void>;
  /** A desktop notification, when the user allows them. */
  notify(notice: Notice): Promise<void>;
}

export interface NetworkPort {
  /** Our identity, friends or invite secrets changed: the host must learn them again. */
  configure(): Promise<void>;
  /** How each friend's browser is reached now, by tracker peer id ({} when unknown). */
  reach(): Promise<Record<string, FriendReach>>;
}

export interface AppPorts {
  store: NodeStore;
  /** The user's small settings (profile, sharing choices, read marks, cross-posting). */
  settings: SettingsPort;
  /** Our tracker peer id and the tracker named on our card. */
  address: () => Promise<{ peerId: string; tracker: string }>;
  /** Memory-only storage for the unlocked key of a passphrase-protected identity. */
  unlockedKeys: UnlockedKeyCache;
  network: NetworkPort;
  attention: AttentionPort;
  /** Opens (or brings forward) the window that asks about a post mirrored from Facebook. */
  askToShare: () => Promise<void>;
  /** Something pages show changed (they ask again). */
  changed: (...topics: UpdateTopic[]) => void;
  /** A Murmur home (home/): it serves the owner who pairs with it. Absent: a person's Murmur. */
  role?: 'home';
}

/** A host with no user to tell (tests, a headless home): nothing is shown. */
export const NO_ATTENTION: AttentionPort = {
  showUnread: async () => undefined,
  notify: async () => undefined,
};
