/**
 * Our Murmur home as friends learn of it: its card (no secret) in our profile, once it is
 * paired. Friends then hand it the copies they hold for us (PROTOCOL.md §15).
 */
import { encodeContactCard } from '../core/identity/contact-card';
import type { Fingerprint } from '../core/identity/fingerprint';
import type { ContactRecord } from '../core/state/records';
import type { NodeStore } from '../core/state/store-port';

/** Our paired home's contact, if any. */
export async function pairedHome(store: NodeStore, me: Fingerprint): Promise<ContactRecord | null> {
  const contacts = await store.listContacts();
  return contacts.find((c) => c.homeOf === me && c.state === 'friend') ?? null;
}

/** The card of a contact, binary, as it goes into a profile or a home's friend list. */
export function cardBytesOf(contact: ContactRecord): Uint8Array {
  return encodeContactCard({
    publicKey: contact.publicKey,
    displayName: contact.displayName,
    peerId: contact.peerId,
    tracker: contact.tracker,
    inviteSecret: null,
  });
}

export async function ownHomeCard(store: NodeStore, me: Fingerprint): Promise<Uint8Array | null> {
  const home = await pairedHome(store, me);
  return home ? cardBytesOf(home) : null;
}
