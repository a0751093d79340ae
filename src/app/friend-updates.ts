/**
 * Messages that update what we know of a friend — their profile, their friend list — rather
 * than things to read: applied to their contact, never listed or announced.
 */
import type { Opened } from '../core/envelope/open';
import type { NodeStore } from '../core/state/store-port';
import { applyFriendList } from './friends-of-friends';
import { applyFriendProfile } from './profiles';

/** True when the message was such an update (and is being applied). */
export function applyFriendUpdate(store: NodeStore, opened: Opened): boolean {
  if (opened.message.kind === 'profile') void applyFriendProfile(store, opened);
  else if (opened.message.kind === 'friend-list') void applyFriendList(store, opened);
  else return false;
  return true;
}
