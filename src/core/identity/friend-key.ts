/**
 * Reading someone else's public key (from a card, a stored contact, a shared reply's author)
 * and deciding whether Murmur may use it.
 *
 * A card can be altered on its way: the attacker keeps the friend's primary key (so the
 * fingerprint and safety number look right) and adds their own encryption subkey. So the one
 * encryption subkey must be bound by a valid signature of the primary key, unexpired and
 * unrevoked — openpgp's own getEncryptionKey checks exactly that — and a key offering more than
 * one candidate is refused rather than guessed at.
 *
 * Expiry is a state, not an error, for a key we already hold: an expired contact can no longer
 * be written to, but what they signed while their key was valid still verifies (openpgp checks
 * a signature against the key as it was when the signature was made).
 */
import * as openpgp from 'openpgp';
import { toleratedNow } from '../clock';
import { KeyMaterialError } from './key-material';

export class FriendKeyError extends Error {
  override readonly name = 'FriendKeyError';
}

export type StoredKey =
  | { state: 'valid'; key: openpgp.PublicKey; expiresAt: number | null }
  | { state: 'expired'; key: openpgp.PublicKey; expiredAt: number }
  | { state: 'unusable'; reason: string };

/** A key offered now (a card being added, a request, a reply's author): only a valid one. */
export async function readFriendKey(
  binary: Uint8Array,
  now = Date.now(),
): Promise<openpgp.PublicKey> {
  return requireValid(await readStoredFriendKey(binary, now)).key;
}

/** The key if it is valid now; else a FriendKeyError saying why not. */
export function requireValid(read: StoredKey): Extract<StoredKey, { state: 'valid' }> {
  if (read.state === 'valid') return read;
  if (read.state === 'expired')
    throw new FriendKeyError(
      `the key expired on ${new Date(read.expiredAt).toISOString().slice(0, 10)}`,
    );
  throw new FriendKeyError(read.reason);
}

/** A key we hold for a contact: valid, expired (still good for what it signed), or unusable. */
export async function readStoredFriendKey(
  binary: Uint8Array,
  now = Date.now(),
): Promise<StoredKey> {
  try {
    const key = await parsePublicKey(binary);
    const expiresAt = await expiryOf(key);
    if (expiresAt !== null && expiresAt <= now) {
      // Checked as it stood just before it expired: the binding must have been valid then.
      await requireBoundEncryptionSubkey(key, new Date(expiresAt - 1000));
      return { state: 'expired', key, expiredAt: expiresAt };
    }
    await requireBoundEncryptionSubkey(key, toleratedNow(now));
    return { state: 'valid', key, expiresAt };
  } catch (error) {
    return { state: 'unusable', reason: error instanceof Error ? error.message : String(error) };
  }
}

async function parsePublicKey(binary: Uint8Array): Promise<openpgp.PublicKey> {
  let key: openpgp.Key;
  try {
    key = await openpgp.readKey({ binaryKey: binary });
  } catch (error) {
    throw new FriendKeyError(`not an OpenPGP public key (${String(error)})`);
  }
  if (key.isPrivate()) throw new FriendKeyError('a friend key must be public');
  if (key.keyPacket.version !== 4) throw new FriendKeyError('only v4 keys are supported');
  if (key.keyPacket.algorithm !== openpgp.enums.publicKey.eddsaLegacy)
    throw new FriendKeyError('the primary key must be Ed25519');
  return key;
}

/**
 * The key's single ECDH subkey, if openpgp finds it validly bound at `date` (which also checks
 * the primary key's self-signature, expiry and revocation). Used for friends and for an
 * imported own key alike.
 */
export async function requireBoundEncryptionSubkey(
  key: openpgp.Key,
  date: Date,
): Promise<openpgp.Subkey> {
  const candidates = key.subkeys.filter(
    (s) => s.keyPacket.algorithm === openpgp.enums.publicKey.ecdh,
  );
  if (candidates.length === 0) throw new KeyMaterialError('key has no ECDH encryption subkey');
  if (candidates.length > 1)
    throw new KeyMaterialError('key has more than one encryption subkey; Murmur will not guess');
  let chosen: openpgp.Key | openpgp.Subkey;
  try {
    chosen = await key.getEncryptionKey(undefined, date);
  } catch (error) {
    throw new KeyMaterialError(`no validly bound encryption subkey (${String(error)})`);
  }
  const candidate = candidates[0] as openpgp.Subkey;
  if (chosen.getFingerprint() !== candidate.getFingerprint())
    throw new KeyMaterialError('the encryption subkey is not validly bound to this key');
  return candidate;
}

/** When the key, or its encryption subkey, stops being valid; null when never. */
async function expiryOf(key: openpgp.PublicKey): Promise<number | null> {
  const times: number[] = [];
  const primary = await key.getExpirationTime();
  if (primary === null)
    throw new FriendKeyError('the key is revoked or has no valid self-signature');
  if (primary instanceof Date) times.push(primary.getTime());
  for (const subkey of key.subkeys) {
    if (subkey.keyPacket.algorithm !== openpgp.enums.publicKey.ecdh) continue;
    const own = await subkey.getExpirationTime().catch(() => null);
    if (own instanceof Date) times.push(own.getTime());
  }
  return times.length ? Math.min(...times) : null;
}
