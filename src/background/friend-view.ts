/** A contact as the Friends screen shows it: name, status, picture, online, safety number. */
import { fromHex, toBase64Url } from '../core/bytes';
import type { Identity } from '../core/identity/identity';
import { safetyNumber } from '../core/identity/safety-number';
import type { ContactRecord } from '../core/state/records';
import type { FriendView } from '../messaging/views';

export function friendViewOf(c: ContactRecord, online: boolean, me: Identity | null): FriendView {
  return {
    fingerprint: c.fingerprint,
    displayName: c.displayName,
    peerId: c.peerId,
    tracker: c.tracker,
    online,
    asked: c.state === 'requested',
    safetyNumber: me ? safetyNumber(me.fingerprint, fromHex(c.fingerprint)) : '',
    status: c.status ?? '',
    avatar: c.avatar ? { ...c.avatar, data: toBase64Url(c.avatar.data) } : null,
  };
}
