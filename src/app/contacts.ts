/**
 * The contact list's own changes: who is active (friends, and people we asked — everyone the
 * network looks for), a request we made being accepted, and removing or blocking someone. Removal
 * works without a running node (locked, or a contact whose key broke): it is the way out.
 */
import type { Keyring } from '../core/keyring';
import type { ContactRecord } from '../core/state/records';
import type { NodeStore } from '../core/state/store-port';
import type { ContactKeys } from './contact-keys';
import type { Fingerprint } from '../core/identity/fingerprint';

export async function activeContacts(store: NodeStore): Promise<ContactRecord[]> {
  return (await store.listContacts()).filter(
    (c) => c.state === 'friend' || c.state === 'requested',
  );
}

/** A session with someone we had asked: they accepted. True when that was our Murmur home. */
export async function confirmContact(store: NodeStore, fingerprint: Fingerprint): Promise<boolean> {
  const contact = await store.getContact(fingerprint);
  if (contact?.state !== 'requested') return false;
  await store.putContact({ ...contact, state: 'friend' });
  return contact.homeOf !== undefined;
}

/**
 * Remove: no longer a friend (they may ask again). Block: nothing from them, ever. False when
 * there was no such contact.
 */
export async function removeContact(
  store: NodeStore,
  fingerprint: Fingerprint,
  how: 'remove' | 'block',
  running: { keyring: Keyring; contactKeys: ContactKeys } | null,
): Promise<boolean> {
  const contact = await store.getContact(fingerprint);
  if (!contact) return false;
  running?.keyring.removeFriend(fingerprint);
  running?.contactKeys.delete(fingerprint);
  if (how === 'block') await store.putContact({ ...contact, state: 'blocked' });
  else await store.deleteContact(fingerprint);
  return true;
}
