/**
 * Adding the person whose card was pasted: their key must be valid and bound, the card must not
 * be our own, and it must not claim the peer id of another contact on any tracker — one peer
 * id, one contact. Links and calls are found by peer id, and a tracker that does not check
 * proofs (one the card's author runs) would let a stranger register a friend's id there, so a
 * card naming a friend's id on another tracker would otherwise take that friend's calls. Peer
 * ids are hashes of a key, so two honest people never share one; a friend who moved tracker
 * keeps their fingerprint and is the same contact. If they already asked us, they are a friend
 * at once; otherwise they are asked, and become a friend when they accept.
 */
import { contactCardFromText, peerIdOfCard } from '../core/identity/contact-card';
import { readStoredFriendKey, requireValid } from '../core/identity/friend-key';
import type { Identity } from '../core/identity/identity';
import type { MurmurNode } from '../core/node/node';
import type { ContactRecord } from '../core/state/records';
import type { Friend } from '../core/keyring';
import { fingerprintOfKey } from '../core/identity/key-material';
import type { Fingerprint } from '../core/identity/fingerprint';
import type { NodeStore } from '../core/state/store-port';
import { pendingRequests } from './friend-requests';
import { Refusal } from '../core/refusal';
import { cardRefusal, refusing } from './refusals';

export interface AddedContact {
  fingerprint: string;
  displayName: string;
  /** When their key expires (ms), if ever. */
  keyExpiresAt: number | null;
}

export async function addContact(
  node: MurmurNode,
  me: Identity,
  store: NodeStore,
  active: readonly ContactRecord[],
  cardText: string,
  introduction: string,
  /** For a Murmur home: whose (app/my-home.ts). */
  options: { homeOf?: Fingerprint } = {},
): Promise<AddedContact> {
  const { card, peerId, read } = await refusing(readCard(cardText), cardRefusal);
  const fingerprint = fingerprintOfKey(read.key);
  if (fingerprint === me.fingerprintHex) throw new Refusal('card-own', 'that is your own card');
  const squatted = active.find((c) => c.fingerprint !== fingerprint && c.peerId === card.peerId);
  if (squatted)
    throw new Refusal('card-address-taken', `this card claims ${squatted.displayName}'s address`);
  const existing = await store.getContact(fingerprint);
  const theyAsked = (await pendingRequests(store)).some((r) => r.fingerprint === fingerprint);
  // The record first, the keyring after: a session can start only once the key is in the
  // keyring, and the session that confirms someone we asked must find them asked.
  await store.putContact({
    fingerprint,
    publicKey: card.publicKey,
    displayName: card.displayName,
    peerId,
    tracker: card.tracker,
    state: theyAsked || existing?.state === 'friend' ? 'friend' : 'requested',
    addedAt: existing?.addedAt ?? Date.now(),
    introduction,
    ...(card.inviteSecret ? { inviteSecret: card.inviteSecret } : {}),
    ...(options.homeOf ? { homeOf: options.homeOf } : {}),
  });
  let friend: Friend;
  try {
    friend = await node.keyring.addFriendAsync(read.key, options);
  } catch (error) {
    // A key the keyring refuses leaves nothing behind (or what there was).
    if (existing) await store.putContact(existing);
    else await store.deleteContact(fingerprint);
    throw error;
  }
  return {
    fingerprint: friend.fingerprintHex,
    displayName: card.displayName,
    keyExpiresAt: read.expiresAt,
  };
}

async function readCard(text: string) {
  const card = contactCardFromText(text);
  const peerId = peerIdOfCard(card);
  return { card, peerId, read: requireValid(await readStoredFriendKey(card.publicKey)) };
}
