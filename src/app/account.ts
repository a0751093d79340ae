/**
 * The user's identity in this profile: created on first run, loaded (and kept in memory)
 * whenever the background starts. The contact card names our tracker peer id and tracker.
 */
import { inviteLinkOf } from '../core/identity/invite-link';
import {
  contactCardFromText,
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
import type { IdentityView } from '../messaging/views';
import { Refusal } from '../core/refusal';
import { identityRefusal, refusing } from './refusals';

export class NoIdentityError extends Refusal {
  constructor() {
    super('no-identity', 'create an identity first');
  }
}

const identityExists = () =>
  new Refusal(
    'identity-exists',
    'an identity exists already; restoring over it is a separate step',
  );

/** Where the unlocked key of a protected identity is kept while the browser runs. */
export interface UnlockedKeyCache {
  get(): Promise<string | null>;
  set(armoredUnlockedKey: string | null): Promise<void>;
}

export type LoadedIdentity =
  | { kind: 'none' }
  | { kind: 'locked'; displayName: string }
  | { kind: 'ready'; identity: Identity };

/**
 * The stored identity: ready when it has no passphrase, or when it was unlocked earlier in this
 * browser session (the unlocked key is cached in memory-only session storage, so a restarted
 * background does not ask again); locked otherwise.
 */
export async function loadIdentity(
  store: NodeStore,
  cache: UnlockedKeyCache,
): Promise<LoadedIdentity> {
  const record = await store.getIdentity();
  if (!record) return { kind: 'none' };
  const armored = record.protected ? await cache.get() : record.armoredPrivateKey;
  if (!armored) return { kind: 'locked', displayName: record.displayName };
  const identity = await refusing(importIdentity(armored), identityRefusal);
  identity.displayName = record.displayName;
  return { kind: 'ready', identity };
}

/** The passphrase opens the stored key: the identity is ready, and stays so this session. */
export async function unlockIdentity(
  store: NodeStore,
  cache: UnlockedKeyCache,
  passphrase: string,
): Promise<Identity> {
  const record = await store.getIdentity();
  if (!record) throw new NoIdentityError();
  const identity = await refusing(
    importIdentity(record.armoredPrivateKey, passphrase),
    identityRefusal,
  );
  identity.displayName = record.displayName;
  if (record.protected) await cache.set(await exportPrivateKey(identity));
  return identity;
}

/**
 * Sets, changes or removes (next = null) the passphrase the key is stored under. Changing or
 * removing needs the current one: whoever has the unlocked browser must still know it.
 */
export async function changePassphrase(
  store: NodeStore,
  cache: UnlockedKeyCache,
  identity: Identity,
  current: string | undefined,
  next: string | null,
): Promise<void> {
  const record = await store.getIdentity();
  if (!record) throw new NoIdentityError();
  if (record.protected)
    await refusing(importIdentity(record.armoredPrivateKey, current ?? ''), identityRefusal);
  await store.putIdentity({
    ...record,
    armoredPrivateKey: await exportPrivateKey(identity, next ?? undefined),
    protected: next !== null,
  });
  await cache.set(next !== null ? await exportPrivateKey(identity) : null);
}

export async function createAccount(
  store: NodeStore,
  cache: UnlockedKeyCache,
  displayName: string,
  passphrase?: string,
): Promise<Identity> {
  if (await store.getIdentity()) throw identityExists();
  return keep(store, cache, await createIdentity(displayName), passphrase);
}

/** The identity as stored: its key encrypted with the passphrase, if the user chose one. */
async function keep(
  store: NodeStore,
  cache: UnlockedKeyCache,
  identity: Identity,
  passphrase?: string,
): Promise<Identity> {
  if (passphrase) await cache.set(await exportPrivateKey(identity));
  await store.putIdentity({
    armoredPrivateKey: await exportPrivateKey(identity, passphrase),
    displayName: identity.displayName,
    createdAt: Date.now(),
    protected: Boolean(passphrase),
  });
  return identity;
}

/**
 * First run with a key from elsewhere (exported from Murmur in another browser): the same
 * identity, so friends who know it recognise this browser as the same person. Kept under the
 * same passphrase it came with.
 */
export async function importAccount(
  store: NodeStore,
  cache: UnlockedKeyCache,
  armored: string,
  passphrase?: string,
): Promise<Identity> {
  if (await store.getIdentity()) throw identityExists();
  const identity = await refusing(importIdentity(armored, passphrase), identityRefusal);
  return keep(store, cache, identity, passphrase);
}

export function contactCardOf(
  identity: Identity,
  peerId: string,
  tracker: string,
  /** For the card and link the user hands out (invite-secrets.ts); null inside a request. */
  inviteSecret: Uint8Array | null = null,
) {
  const card: ContactCard = {
    publicKey: identity.publicKey.write(),
    displayName: identity.displayName,
    peerId,
    tracker,
    inviteSecret,
  };
  return { text: contactCardToText(card), link: contactCardToLink(card) };
}

/** The card our friend requests carry: no invite secret of ours goes inside a request. */
export function requestCardOf(identity: Identity, address: { peerId: string; tracker: string }) {
  return contactCardFromText(contactCardOf(identity, address.peerId, address.tracker).text);
}

/** Who we are, as the UI shows it: fingerprint, name, and our contact card to hand out. */
export function identityViewOf(
  identity: Identity,
  address: { peerId: string; tracker: string },
  inviteSecret: Uint8Array | null = null,
): IdentityView {
  const card = contactCardOf(identity, address.peerId, address.tracker, inviteSecret);
  return {
    fingerprint: identity.fingerprintHex,
    displayName: identity.displayName,
    card: card.text,
    cardLink: card.link,
    inviteLink: inviteLinkOf(card.text, address.tracker),
    peerId: address.peerId,
  };
}
