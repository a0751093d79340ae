/**
 * Profiles: the user's own (name, status line, picture), sent to every friend when it changes
 * and to a friend who has not had the latest when a session with them starts; and friends'
 * profiles as they arrive, kept on their contact record (newer wins, older is ignored).
 */
import { acceptedFriends } from './accepted-friends';
import type { SettingsPort } from './settings-port';
import { MESSAGE_LIMITS, type ProfileMessage } from '../core/messages/kinds';
import { ownHomeCard } from './home-card';
import { updateContact } from './contacts';
import type { Opened } from '../core/envelope/open';
import type { Identity } from '../core/identity/identity';
import type { MurmurNode } from '../core/node/node';
import type { NodeStore } from '../core/state/store-port';
import { isThumbnailData, type ThumbnailData } from '../core/messages/thumbnail-data';
import type { ProfileView } from '../messaging/views';
import { isInteger, isNullable, isObject, isString } from '../core/guard';
import { thumbnailsFrom } from './thumbnails';
import type { Fingerprint } from '../core/identity/fingerprint';

const OWN = 'profile.own';

export interface OwnProfile {
  status: string;
  avatar: ThumbnailData | null;
  updatedAt: number;
}

const isOwnProfile = isObject({
  status: isString({ max: MESSAGE_LIMITS.statusBytes }),
  avatar: isNullable(isThumbnailData),
  updatedAt: isInteger({ min: 0, max: Number.MAX_SAFE_INTEGER }),
});

export async function loadOwnProfile(settings: SettingsPort): Promise<OwnProfile> {
  const checked = isOwnProfile((await settings.get(OWN))[OWN]);
  return checked.ok ? checked.value : { status: '', avatar: null, updatedAt: 0 };
}

export async function saveOwnProfile(settings: SettingsPort, profile: OwnProfile): Promise<void> {
  await settings.set({ [OWN]: profile });
}

export function profileMessage(
  name: string,
  own: OwnProfile,
  home: Uint8Array | null = null,
): ProfileMessage {
  return {
    kind: 'profile',
    updatedAt: own.updatedAt,
    name,
    status: own.status,
    avatar: own.avatar ? (thumbnailsFrom([own.avatar])[0] ?? null) : null,
    home,
  };
}

/**
 * A friend's profile arrived: kept if newer than what we have. Their name is kept as what they
 * call themselves; the name the user knows them by (displayName) does not change.
 */
export async function applyFriendProfile(store: NodeStore, opened: Opened): Promise<void> {
  const profile = opened.message;
  if (profile.kind !== 'profile' || !opened.friend) return;
  await updateContact(store, opened.senderFingerprintHex, (contact) =>
    (contact.profileUpdatedAt ?? 0) >= profile.updatedAt
      ? null
      : {
          ...contact,
          theirName: profile.name || undefined,
          status: profile.status,
          avatar: profile.avatar ?? undefined,
          profileUpdatedAt: profile.updatedAt,
        },
  );
}

/** Our name (on the identity), status and picture, as the user set them in Options. */
export async function saveProfile(
  store: NodeStore,
  settings: SettingsPort,
  me: Identity,
  profile: { name: string; status: string; avatar: ThumbnailData | null },
): Promise<void> {
  const record = await store.getIdentity();
  if (record) await store.putIdentity({ ...record, displayName: profile.name });
  me.displayName = profile.name;
  await saveOwnProfile(settings, {
    status: profile.status,
    avatar: profile.avatar,
    updatedAt: Date.now(),
  });
}

/** Our latest profile to these friends; each contact remembers when it went. */
export async function sendProfileTo(
  node: MurmurNode,
  store: NodeStore,
  settings: SettingsPort,
  to: Fingerprint[],
): Promise<void> {
  const recipients = to.filter((fp) => node.keyring.writableFriend(fp));
  if (!recipients.length) return;
  const own = await loadOwnProfile(settings);
  const home = await ownHomeCard(store, node.keyring.me.fingerprintHex);
  await node.send(profileMessage(node.keyring.me.displayName, own, home), recipients);
  for (const fp of recipients)
    await updateContact(store, fp, (contact) => ({ ...contact, profileSentAt: Date.now() }));
}

/** A session with a friend started: if they have not had our latest profile, it goes now. */
export async function catchUpProfile(
  node: MurmurNode,
  store: NodeStore,
  settings: SettingsPort,
  fingerprint: Fingerprint,
) {
  const contact = await store.getContact(fingerprint);
  if (contact && (await loadOwnProfile(settings)).updatedAt > (contact.profileSentAt ?? 0))
    await sendProfileTo(node, store, settings, [fingerprint]);
}

export async function profileOf(settings: SettingsPort, me: Identity): Promise<ProfileView> {
  const { status, avatar } = await loadOwnProfile(settings);
  return { name: me.displayName, status, avatar };
}

/** Saves the user's new profile and sends it to every friend. */
export async function updateProfile(
  node: MurmurNode,
  store: NodeStore,
  settings: SettingsPort,
  profile: ProfileView,
) {
  await saveProfile(store, settings, node.keyring.me, profile);
  await sendProfileTo(node, store, settings, await acceptedFriends(node.keyring, store));
}
