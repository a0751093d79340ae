/**
 * Adds what the network host knows to the Friends list: whether a friend's channel goes
 * directly or through the relay (the browser's selected candidate pair), or why a friend who
 * is online at the tracker cannot be reached.
 */
import type { FriendReach } from '../messaging/status';
import type { FriendConnection, FriendView } from '../messaging/views';

export function withConnections(
  friends: FriendView[],
  reach: Record<string, FriendReach>,
): FriendView[] {
  return friends.map((friend) => ({ ...friend, connection: connectionOf(friend, reach) }));
}

function connectionOf(friend: FriendView, reach: Record<string, FriendReach>): FriendConnection {
  const known = Object.hasOwn(reach, friend.peerId) ? reach[friend.peerId] : undefined;
  if (friend.online)
    return {
      state: 'online',
      via: known?.state === 'linked' && known.path ? known.path.via : 'unknown',
    };
  if (known?.state === 'unreachable') return { state: 'unreachable', reason: known.reason };
  return { state: 'offline' };
}
