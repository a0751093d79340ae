/**
 * Adds what the network host knows to the Friends list: whether a friend's channel goes
 * directly or through the relay (the browser's selected candidate pair), or why a friend who
 * is online at the tracker cannot be reached.
 */
import type { OutboxEntry } from '../core/state/records';
import type { FriendReach } from '../messaging/status';
import type { FriendConnection, FriendView } from '../messaging/views';
import { waitingFor } from './friend-waiting';

export interface ConnectionFacts {
  reach: Record<string, FriendReach>;
  outbox: OutboxEntry[];
  nowSeconds: number;
}

export function withConnections(friends: FriendView[], facts: ConnectionFacts): FriendView[] {
  const names = new Map(friends.map((f) => [f.fingerprint, f.displayName]));
  return friends.map((friend) => ({ ...friend, connection: connectionOf(friend, facts, names) }));
}

function connectionOf(
  friend: FriendView,
  { reach, outbox, nowSeconds }: ConnectionFacts,
  names: ReadonlyMap<string, string>,
): FriendConnection {
  const known = Object.hasOwn(reach, friend.peerId) ? reach[friend.peerId] : undefined;
  if (friend.online)
    return {
      state: 'online',
      via: known?.state === 'linked' && known.path ? known.path.via : 'unknown',
    };
  if (known?.state === 'unreachable') return { state: 'unreachable', reason: known.reason };
  const waiting = waitingFor(friend.fingerprint, outbox, nowSeconds);
  return {
    state: 'offline',
    waiting: waiting.messages,
    carriedBy: waiting.carriers.map((fp) => names.get(fp) ?? fp.slice(0, 8)),
  };
}
