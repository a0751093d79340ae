/**
 * Friends in common, as far as Murmur can know them. It learns a friend's friends only from the
 * list that friend chose to share (off by default), so "no friends in common" is said only
 * when every list that could name them is in hand; otherwise the screen says who is known,
 * and that it cannot tell the rest, and why. This is the screen where a person decides whom
 * to trust: it must never claim there is nobody when it simply does not know.
 */
import type { Fingerprint } from '../core/identity/fingerprint';
import type { ContactRecord } from '../core/state/records';
import type { FriendsInCommon } from '../messaging/views';

/** People, not homes: a Murmur home shares no list and is nobody's friend in common. */
const isPerson = (c: ContactRecord) => c.state === 'friend' && c.homeOf === undefined;

/**
 * Someone who is not a friend yet (a request, an invite): the user's friends whose shared
 * lists name them. Friends who share no list might know them too.
 */
export function inCommonWithStranger(
  contacts: readonly ContactRecord[],
  them: Fingerprint,
): FriendsInCommon {
  const friends = contacts.filter(isPerson);
  const sharing = friends.filter((f) => f.friendList !== undefined);
  const names = sharing
    .filter((f) => f.friendList?.some((x) => x.fingerprint === them))
    .map((f) => f.displayName);
  if (sharing.length === friends.length) return { kind: 'all-known', names };
  if (sharing.length === 0) return { kind: 'cannot-tell', because: 'friends-do-not-share' };
  return { kind: 'some-known', names };
}

/** A friend: their shared list against the user's friends, or nothing to go on. */
export function inCommonWithFriend(
  friend: ContactRecord,
  contacts: ReadonlyMap<Fingerprint, ContactRecord>,
): FriendsInCommon {
  if (!friend.friendList) return { kind: 'cannot-tell', because: 'they-do-not-share' };
  const names = friend.friendList.flatMap((f) => {
    const ours = contacts.get(f.fingerprint);
    return ours && isPerson(ours) ? [ours.displayName] : [];
  });
  return { kind: 'all-known', names };
}
