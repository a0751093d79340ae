/**
 * The `murmur.updates` port: each open extension page holds one, and the background says on it
 * which kinds of thing changed. Pages then ask again for what they show — a note carries no data,
 * so nothing new can leak through it and a page never trusts a stale copy.
 */
import { isArray, isLiteral, isObject, type Guard } from '../core/guard';

export const UPDATES_PORT = 'murmur.updates';

export const UPDATE_TOPICS = [
  /** A message arrived or was sent, or a delivery state changed. */
  'messages',
  /** The friends list: added, removed, accepted, online, offline, reached another way, renamed. */
  'friends',
  'requests',
  /** The trackers and the network host. */
  'status',
  /** An identity was created, unlocked, restored or protected. */
  'identity',
  /** Unread counts per conversation. */
  'unread',
  /** How much this browser carries for others. */
  'relay',
  /** The user's own choices: profile, relay, lists, friends of friends, Facebook, notifications. */
  'settings',
] as const;

export type UpdateTopic = (typeof UPDATE_TOPICS)[number];

export interface UpdateNote {
  changed: UpdateTopic[];
}

export const isUpdateNote: Guard<UpdateNote> = isObject({
  changed: isArray(isLiteral(...UPDATE_TOPICS), { max: UPDATE_TOPICS.length }),
});
