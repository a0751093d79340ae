/**
 * Messages that update what we know of a friend — their profile, their friend list — rather
 * than things to read: applied to their contact, never listed or announced.
 */
import type { Opened } from '../core/envelope/open';
import type { NodeStore } from '../core/state/store-port';
import { applyFriendList } from './friends-of-friends';
import { applyFriendProfile } from './profiles';

/** When the message was such an update: its application, done when the contact is written. */
export function applyFriendUpdate(store: NodeStore, opened: Opened): Promise<void> | null {
  if (opened.message.kind === 'profile') return applyFriendProfile(store, opened);
  if (opened.message.kind === 'friend-list') return applyFriendList(store, opened);
  return null;
}
