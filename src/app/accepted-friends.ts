/**
 * Who gets "all friends" posts and our profile: friends who accepted, with a key we may write
 * to. Someone we asked is in the keyring (so their session is recognised the moment they
 * accept) but has agreed to nothing yet: our posts and profile do not go to them until then.
 */
import type { Keyring } from '../core/keyring';
import type { NodeStore } from '../core/state/store-port';
import type { Fingerprint } from '../core/identity/fingerprint';

export async function acceptedFriends(keyring: Keyring, store: NodeStore): Promise<Fingerprint[]> {
  const accepted = new Set(
    (await store.listContacts()).filter((c) => c.state === 'friend').map((c) => c.fingerprint),
  );
  return keyring
    .writableList()
    .map((f) => f.fingerprintHex)
    .filter((fp) => accepted.has(fp));
}
