/**
 * Every contact's key, loaded into the keyring when Murmur starts (and after a restore). One
 * contact's unreadable, revoked or wrongly bound key affects that contact only: it stays out of
 * the keyring and the Friends list says why. An expired key stays in — what its owner signed
 * while it was valid still opens and verifies — but nothing new is sealed to it.
 */
import { readStoredFriendKey } from '../core/identity/friend-key';
import { fingerprintOfKey } from '../core/identity/key-material';
import type { Keyring } from '../core/keyring';
import type { ContactRecord } from '../core/state/records';
import type { ContactKeyView } from '../messaging/views';

export type ContactKeys = Map<string, ContactKeyView>;

/** Adds each contact's usable key to the keyring; returns every contact's key state. */
export async function loadContactKeys(
  contacts: readonly ContactRecord[],
  keyring: Keyring,
  now: number,
): Promise<ContactKeys> {
  const states: ContactKeys = new Map();
  for (const contact of contacts)
    states.set(contact.fingerprint, await load(contact, keyring, now));
  return states;
}

async function load(
  contact: ContactRecord,
  keyring: Keyring,
  now: number,
): Promise<ContactKeyView> {
  const read = await readStoredFriendKey(contact.publicKey, now);
  if (read.state === 'unusable') return read;
  if (fingerprintOfKey(read.key) !== contact.fingerprint)
    return { state: 'unusable', reason: 'the stored key is not this contact’s' };
  try {
    if (read.state === 'expired') {
      await keyring.addFriendAsync(read.key, { keyExpiredAt: read.expiredAt, ...homeOf(contact) });
      return { state: 'expired', expiredAt: read.expiredAt };
    }
    await keyring.addFriendAsync(read.key, homeOf(contact));
    return { state: 'valid', expiresAt: read.expiresAt };
  } catch (error) {
    return { state: 'unusable', reason: error instanceof Error ? error.message : String(error) };
  }
}

/** A contact that is a Murmur home is a friend whose copies follow the home rules. */
const homeOf = (contact: ContactRecord) => (contact.homeOf ? { homeOf: contact.homeOf } : {});
