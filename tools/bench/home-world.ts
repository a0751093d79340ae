/**
 * Murmurs for the home benchmark, prepared on disk before they run: each a SQLite file with
 * its identity and the contacts the scene needs, written straight into the store (as pairing
 * and befriending would leave them), so a benchmark measures the running, not the set-up.
 */
import { contactCardFromText, peerIdOfCard } from '../../src/core/identity/contact-card';
import type { Fingerprint } from '../../src/core/identity/fingerprint';
import type { ContactRecord } from '../../src/core/state/records';
import { NO_ATTENTION } from '../../src/app/app-ports';
import { Murmur } from '../../src/app/murmur';
import { HOME_OWNER } from '../../src/app/home-owner';
import { openHomeDatabase } from '../../home/sqlite-database';
import { sqliteSettings } from '../../home/sqlite-settings';
import { SqliteStore } from '../../home/sqlite-store';
import { readOrCreateTrackerKey } from '../../src/app/tracker-key';
import { fromBase64Url } from '../../src/core/bytes';
import { signingKeyFromSeed } from '../../src/core/crypto/ed25519';
import { peerIdOf } from '../../src/core/tracker/peer-id';

export interface Prepared {
  path: string;
  fingerprint: Fingerprint;
  /** This Murmur as a contact of someone else's (a friend, or `homeOf` someone). */
  asContact(extra?: Partial<ContactRecord>): ContactRecord;
}

/** A database at `path` with a new identity named `name`; nothing runs. */
export async function prepare(path: string, name: string, tracker: string): Promise<Prepared> {
  const db = openHomeDatabase(path);
  const settings = sqliteSettings(db);
  // The peer id comes from the tracker key the host keeps in the settings (startHome reads it).
  const seed = fromBase64Url(await readOrCreateTrackerKey(settings));
  if (!seed) throw new Error('the tracker key is not base64url');
  const peerId = peerIdOf(signingKeyFromSeed(seed).publicKey);
  const murmur = new Murmur({
    store: new SqliteStore(db),
    settings,
    address: async () => ({ peerId, tracker }),
    unlockedKeys: { get: async () => null, set: async () => undefined },
    network: { configure: async () => undefined, reach: async () => ({}) },
    attention: NO_ATTENTION,
    askToShare: async () => undefined,
    changed: () => undefined,
  });
  const view = await murmur.ask('identity.create', { displayName: name });
  db.close();
  const card = contactCardFromText(view.card);
  return {
    path,
    fingerprint: view.fingerprint,
    asContact: (extra = {}) => ({
      fingerprint: view.fingerprint,
      publicKey: card.publicKey,
      displayName: name,
      peerId: peerIdOfCard(card),
      tracker,
      state: 'friend',
      addedAt: Date.now(),
      ...extra,
    }),
  };
}

/** Writes contacts (and, for a home, its owner) into a prepared database. */
export async function addContacts(
  at: Prepared,
  contacts: ContactRecord[],
  owner?: Fingerprint,
): Promise<void> {
  const db = openHomeDatabase(at.path);
  const store = new SqliteStore(db);
  for (const contact of contacts) await store.putContact(contact);
  if (owner) await sqliteSettings(db).set({ [HOME_OWNER]: owner });
  db.close();
}
