/**
 * A contact as the Friends screen shows it: name, status, picture, online, safety number, and
 * their friends if they share them (ourselves left out).
 */
import { toBase64Url } from '../core/bytes';
import type { Running } from './murmur-life';
import type { Identity } from '../core/identity/identity';
import type { Friend } from '../core/keyring';
import { safetyNumber } from '../core/identity/safety-number';
import type { ContactRecord } from '../core/state/records';
import type { ContactKeyView, FriendView } from '../messaging/views';
import type { ThumbnailData } from '../core/messages/thumbnail-data';

/** A contact's picture as pages take it (its bytes as base64url), or none. */
export const avatarView = (c: ContactRecord): ThumbnailData | null =>
  c.avatar ? { ...c.avatar, data: toBase64Url(c.avatar.data) } : null;

export function friendViewOf(
  c: ContactRecord,
  online: boolean,
  me: Identity | null,
  /** Their key as the keyring holds it, and its state. */
  key: { friend: Friend | undefined; state: ContactKeyView },
  /** Our own friends' fingerprints, when the user looks at friends' friends; else null. */
  ours: ReadonlySet<string> | null,
): FriendView {
  return {
    fingerprint: c.fingerprint,
    displayName: c.displayName,
    peerId: c.peerId,
    tracker: c.tracker,
    online,
    connection: online
      ? { state: 'online', via: 'unknown' }
      : { state: 'offline', waiting: 0, carriedBy: [] },
    asked: c.state === 'requested',
    callsThemselves: c.theirName && c.theirName !== c.displayName ? c.theirName : null,
    nameClash: false,
    safetyNumber: me && key.friend ? safetyNumber(me, key.friend) : '',
    key: key.state,
    status: c.status ?? '',
    avatar: avatarView(c),
    theirFriends: ours
      ? (c.friendList ?? [])
          .filter((f) => f.fingerprint !== me?.fingerprintHex)
          .map((f) => ({ name: f.name, mutual: ours.has(f.fingerprint) }))
      : [],
  };
}

/** Every contact's view; their friends shown only when the user chose to look at them. */
export function friendViews(
  contacts: ContactRecord[],
  /** The running app (null while locked or without an identity). */
  running: Pick<Running, 'node' | 'identity' | 'contactKeys'> | null,
  /** Whether the user looks at their friends' friends (Options › Friends of friends). */
  showTheirFriends: boolean,
): FriendView[] {
  const online = new Set(running?.node.connectedFriends() ?? []);
  const me = running?.identity ?? null;
  const keyring = running?.node.keyring ?? null;
  const keys: ReadonlyMap<string, ContactKeyView> = running?.contactKeys ?? new Map();
  const ours = showTheirFriends ? new Set(contacts.map((c) => c.fingerprint)) : null;
  const named = new Map<string, number>();
  for (const c of contacts) named.set(c.displayName, (named.get(c.displayName) ?? 0) + 1);
  const views = contacts.map((c) =>
    friendViewOf(
      c,
      online.has(c.fingerprint),
      me,
      {
        friend: keyring?.friend(c.fingerprint),
        // Unchecked only while the identity is locked, when nothing is sent anyway.
        state: keys.get(c.fingerprint) ?? { state: 'valid', expiresAt: null },
      },
      ours,
    ),
  );
  return views.map((v) => ({ ...v, nameClash: (named.get(v.displayName) ?? 0) > 1 }));
}
