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

/** Changes of one contact under way, per store: each waits for the one before. */
const changing = new WeakMap<NodeStore, Map<string, Promise<unknown>>>();

/**
 * Changes one contact as it is now: read and written with no other such change in between.
 * Sessions, arrivals and sends all touch contacts; a copy read before an await and written back
 * after it would undo what happened meanwhile (a confirmation, a profile). Null: no such
 * contact, or `change` left it as it was.
 */
export function updateContact(
  store: NodeStore,
  fingerprint: Fingerprint,
  change: (current: ContactRecord) => ContactRecord | null,
): Promise<ContactRecord | null> {
  let chains = changing.get(store);
  if (!chains) changing.set(store, (chains = new Map()));
  const queue = chains;
  const next = (queue.get(fingerprint) ?? Promise.resolve())
    .catch(() => undefined) // one failed change does not stop the next
    .then(async () => {
      const current = await store.getContact(fingerprint);
      const updated = current ? change(current) : null;
      if (updated) await store.putContact(updated);
      return updated;
    });
  queue.set(fingerprint, next);
  const forget = () => {
    if (queue.get(fingerprint) === next) queue.delete(fingerprint);
  };
  next.then(forget, forget);
  return next;
}

/** A session with someone we had asked: they accepted. True when that was our Murmur home. */
export async function confirmContact(store: NodeStore, fingerprint: Fingerprint): Promise<boolean> {
  const confirmed = await updateContact(store, fingerprint, (contact) =>
    contact.state === 'requested' ? { ...contact, state: 'friend' } : null,
  );
  return confirmed !== null && confirmed.homeOf !== undefined;
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
