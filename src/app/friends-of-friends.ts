/**
 * Friends-of-friends visibility. Sharing (off by default) sends every friend a `friend-list`
 * of who our friends are (people, not homes), again whenever they change; switching it off
 * sends an empty list, so friends drop what they had (a shared list always names the friend it
 * went to, so an empty one means "not shared"). Friends' lists arrive on their contact (newer wins). Whether we
 * look at theirs is the user's other choice here.
 */
import type { SettingsPort } from './settings-port';
import { updateContact } from './contacts';
import type { ContactRecord } from '../core/state/records';
import { fromHex } from '../core/bytes';
import type { Opened } from '../core/envelope/open';
import type { MurmurNode } from '../core/node/node';
import type { NodeStore } from '../core/state/store-port';
import type { FriendsOfFriendsView } from '../messaging/views';
import { fingerprintFromBytes } from '../core/identity/fingerprint';

const SHARE = 'fof.share';
const SHOW = 'fof.show';
/** Whether a list is out with friends now (so switching off must withdraw it). */
const SHARED = 'fof.shared';

export async function friendsOfFriendsSettings(
  settings: SettingsPort,
): Promise<FriendsOfFriendsView> {
  const stored = await settings.get([SHARE, SHOW]);
  return { share: stored[SHARE] === true, show: stored[SHOW] !== false };
}

export async function setFriendsOfFriends(
  settings: SettingsPort,
  view: FriendsOfFriendsView,
): Promise<void> {
  await settings.set({ [SHARE]: view.share, [SHOW]: view.show });
}

/** Sends the current list (or the withdrawal) to every friend, if there is anything to say. */
export async function shareFriendList(
  node: MurmurNode | null,
  store: NodeStore,
  settings: SettingsPort,
): Promise<void> {
  if (!node) return;
  const { share } = await friendsOfFriendsSettings(settings);
  const wasShared = (await settings.get(SHARED))[SHARED] === true;
  if (!share && !wasShared) return;
  // People only: the user's Murmur home, and friends' homes, are nobody's friends to list.
  const friends = (await store.listContacts()).filter(
    (c) => c.state === 'friend' && c.homeOf === undefined,
  );
  const recipients = friends
    .map((c) => c.fingerprint)
    .filter((fp) => node.keyring.writableFriend(fp));
  if (recipients.length === 0) return;
  await node.send(
    {
      kind: 'friend-list',
      updatedAt: Date.now(),
      friends: share
        ? friends.map((c) => ({ fingerprint: fromHex(c.fingerprint), name: c.displayName }))
        : [],
    },
    recipients,
  );
  await settings.set({ [SHARED]: share });
}

/** A friend's list arrived: kept on their contact if newer. */
export async function applyFriendList(store: NodeStore, opened: Opened): Promise<void> {
  const list = opened.message;
  if (list.kind !== 'friend-list' || !opened.friend) return;
  await updateContact(store, opened.senderFingerprintHex, (contact) => {
    if ((contact.friendListUpdatedAt ?? 0) >= list.updatedAt) return null;
    // A shared list names at least the friend it went to: an empty one withdraws it, and the
    // screens say they cannot tell, not that there is nobody in common.
    if (list.friends.length === 0) {
      const withdrawn: ContactRecord = { ...contact, friendListUpdatedAt: list.updatedAt };
      delete withdrawn.friendList;
      return withdrawn;
    }
    return {
      ...contact,
      friendList: list.friends.map((f) => ({
        fingerprint: fingerprintFromBytes(f.fingerprint),
        name: f.name,
      })),
      friendListUpdatedAt: list.updatedAt,
    };
  });
}
