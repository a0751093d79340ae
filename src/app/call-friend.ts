/**
 * A data channel the network opened. Answering: a friend's HELLO, or a stranger's friend
 * request. Our side of a channel we dialled: a friend gets the sync session; someone we asked
 * to be our friend, who does not know us yet, gets our friend request handed over instead
 * (again after a while, if they have not answered), and the channel closes once they stored it.
 */
import type { ContactCard } from '../core/identity/contact-card';
import type { MurmurNode } from '../core/node/node';
import type { NodeStore } from '../core/state/store-port';
import { encodeFrame } from '../core/sync/frames';
import type { Channel } from '../core/sync/channel';
import { REQUEST_RESEND_MS, sealRequest } from './friend-requests';
import { pairingProof } from '../core/identity/home-pairing';
import { updateContact } from './contacts';

/** A channel to a peer id on a tracker. */
export type PeerChannel = Channel & { readonly peerId: string };

export async function startSession(
  channel: PeerChannel,
  initiator: boolean,
  node: MurmurNode,
  store: NodeStore,
  ourCard: () => Promise<ContactCard>,
): Promise<void> {
  if (!initiator) return void node.answer(channel, { introductions: true });
  await callFriend(channel, node, store, ourCard);
}

async function callFriend(
  channel: PeerChannel,
  node: MurmurNode,
  store: NodeStore,
  ourCard: () => Promise<ContactCard>,
): Promise<void> {
  const contact = (await store.listContacts()).find(
    (c) => c.peerId === channel.peerId && (c.state === 'friend' || c.state === 'requested'),
  );
  const friend = contact && node.keyring.friend(contact.fingerprint);
  if (!friend) return channel.close();
  const askAgain = (contact.requestSentAt ?? 0) < Date.now() - REQUEST_RESEND_MS;
  if (contact.state === 'requested' && askAgain) {
    const card = await ourCard();
    const me = node.keyring.me.fingerprintHex;
    // Our own Murmur home, from its pairing link: the request proves we hold its secret.
    const proof =
      contact.homeOf === me && contact.inviteSecret
        ? pairingProof(contact.inviteSecret, me, contact.fingerprint)
        : null;
    const introduction = contact.introduction ?? '';
    const envelope = await sealRequest(node.keyring, friend, card, introduction, proof);
    channel.send(encodeFrame({ type: 'introduce', envelope }));
    await updateContact(store, contact.fingerprint, (now) => ({
      ...now,
      requestSentAt: Date.now(),
    }));
    setTimeout(() => channel.close(), 5_000);
    return;
  }
  node.call(channel, friend);
}
