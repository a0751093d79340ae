/**
 * The user's identity in this profile: created on first run, loaded (and kept in memory)
 * whenever the background starts. The contact card names our tracker peer id and tracker.
 */
import {
  contactCardToLink,
  contactCardToText,
  type ContactCard,
} from '../core/identity/contact-card';
import {
  createIdentity,
  exportPrivateKey,
  importIdentity,
  type Identity,
} from '../core/identity/identity';
import type { NodeStore } from '../core/state/store-port';

export class AccountError extends Error {
  override readonly name = 'AccountError';
}

export async function loadIdentity(store: NodeStore): Promise<Identity | null> {
  const record = await store.getIdentity();
  if (!record) return null;
  // A passphrase-protected key needs the user (the UI issue adds unlocking).
  if (record.protected) return null;
  const identity = await importIdentity(record.armoredPrivateKey);
  identity.displayName = record.displayName;
  return identity;
}

export async function createAccount(store: NodeStore, displayName: string): Promise<Identity> {
  if (await store.getIdentity())
    throw new AccountError('an identity exists already; restoring over it is a separate step');
  return keep(store, await createIdentity(displayName));
}

/** The identity as stored: unprotected until the UI offers a passphrase and an unlock step. */
async function keep(store: NodeStore, identity: Identity): Promise<Identity> {
  await store.putIdentity({
    armoredPrivateKey: await exportPrivateKey(identity),
    displayName: identity.displayName,
    createdAt: Date.now(),
    protected: false,
  });
  return identity;
}

/**
 * First run with a key from elsewhere (exported from Murmur in another browser): the same
 * identity, so friends who know it recognise this browser as the same person.
 */
export async function importAccount(
  store: NodeStore,
  armored: string,
  passphrase?: string,
): Promise<Identity> {
  if (await store.getIdentity())
    throw new AccountError('an identity exists already; restoring over it is a separate step');
  return keep(store, await importIdentity(armored, passphrase));
}

export function contactCardOf(identity: Identity, peerId: string, tracker: string) {
  const card: ContactCard = {
    publicKey: identity.publicKey.write(),
    displayName: identity.displayName,
    peerId,
    tracker,
    inviteSecret: null,
  };
  return { text: contactCardToText(card), link: contactCardToLink(card) };
}
