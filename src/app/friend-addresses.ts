/**
 * Where the network host looks for the user's friends: each active contact's peer id and
 * tracker, and for someone the user asked through their invite link, the token their calls
 * show until they accept (core/identity/invite-token.ts).
 */
import { inviteToken } from '../core/identity/invite-token';
import type { ContactRecord } from '../core/state/records';
import type { PeerId } from '../core/tracker/peer-id';
import type { FriendAddress } from '../messaging/host-requests';

export function friendAddresses(contacts: readonly ContactRecord[], me: PeerId): FriendAddress[] {
  return contacts.map(({ peerId, tracker, state, inviteSecret }) =>
    state === 'requested' && inviteSecret
      ? { peerId, tracker, invite: inviteToken(inviteSecret, me, peerId) }
      : { peerId, tracker },
  );
}
