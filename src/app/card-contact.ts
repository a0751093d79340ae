/**
 * A card that arrives inside a message (a friend's home in their profile, a friend of the
 * owner in a home's list), checked as a pasted card is: readable, a valid key bound to it, a
 * peer id of the right form. Null when any of it fails: one bad card costs only itself.
 */
import { decodeContactCard, peerIdOfCard, type ContactCard } from '../core/identity/contact-card';
import { readStoredFriendKey } from '../core/identity/friend-key';
import { fingerprintOfKey } from '../core/identity/key-material';
import type { Fingerprint } from '../core/identity/fingerprint';
import type { PeerId } from '../core/tracker/peer-id';
import type * as openpgp from 'openpgp';

export interface CheckedCard {
  card: ContactCard;
  fingerprint: Fingerprint;
  peerId: PeerId;
  key: openpgp.PublicKey;
}

export async function checkedCard(bytes: Uint8Array): Promise<CheckedCard | null> {
  try {
    const card = decodeContactCard(bytes);
    const peerId = peerIdOfCard(card);
    const read = await readStoredFriendKey(card.publicKey);
    if (read.state !== 'valid') return null;
    return { card, fingerprint: fingerprintOfKey(read.key), peerId, key: read.key };
  } catch {
    // A card we cannot read or use is no card: nothing else depends on it.
    return null;
  }
}
