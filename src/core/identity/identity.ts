/**
 * A Murmur identity: an OpenPGP v4 Curve25519 key pair (Ed25519 signing primary, X25519
 * encryption subkey), made on first run. Held decrypted in memory; exported only on request,
 * as standard armored OpenPGP, encrypted with the passphrase when there is one.
 */
import * as openpgp from 'openpgp';
import { CodedError } from '../coded-error';
import {
  encryptionSecretOf,
  encryptionSubkeyOf,
  fingerprintBytes,
  KeyMaterialError,
  type EncryptionSubkey,
} from './key-material';
import { requireBoundEncryptionSubkey } from './friend-key';
import { toleratedNow } from '../clock';
import { fingerprintFromBytes, type Fingerprint } from './fingerprint';

export interface Identity {
  displayName: string;
  privateKey: openpgp.PrivateKey;
  publicKey: openpgp.PublicKey;
  fingerprint: Uint8Array;
  fingerprintHex: Fingerprint;
  encryption: EncryptionSubkey;
  /** X25519 secret of the encryption subkey; only for pairwise hint secrets. */
  encryptionSecret: Uint8Array;
}

export type IdentityErrorCode =
  'malformed' | 'unsupported-key' | 'passphrase-required' | 'wrong-passphrase';

export class IdentityError extends CodedError<IdentityErrorCode> {
  override readonly name = 'IdentityError';
}

export const DISPLAY_NAME_MAX = 64;

function fromPrivateKey(privateKey: openpgp.PrivateKey, displayName: string): Identity {
  const fingerprint = fingerprintBytes(privateKey);
  return {
    displayName,
    privateKey,
    publicKey: privateKey.toPublic(),
    fingerprint,
    fingerprintHex: fingerprintFromBytes(fingerprint),
    encryption: encryptionSubkeyOf(privateKey),
    encryptionSecret: encryptionSecretOf(privateKey),
  };
}

export async function createIdentity(displayName: string, date = new Date()): Promise<Identity> {
  const name = displayName.trim().slice(0, DISPLAY_NAME_MAX) || 'Murmur user';
  const { privateKey } = await openpgp.generateKey({
    type: 'ecc',
    curve: 'curve25519Legacy',
    userIDs: [{ name }],
    date,
    format: 'object',
    keyExpirationTime: 0,
    config: { v6Keys: false },
  });
  return fromPrivateKey(privateKey, name);
}

/** Armored private key; encrypted (S2K, AES-256) when a passphrase is given. */
export async function exportPrivateKey(identity: Identity, passphrase?: string): Promise<string> {
  if (!passphrase) return identity.privateKey.armor();
  const locked = await openpgp.encryptKey({ privateKey: identity.privateKey, passphrase });
  return locked.armor();
}

export function exportPublicKey(identity: Identity): string {
  return identity.publicKey.armor();
}

export async function importIdentity(armored: string, passphrase?: string): Promise<Identity> {
  let key: openpgp.PrivateKey;
  try {
    key = await openpgp.readPrivateKey({ armoredKey: armored });
  } catch (error) {
    throw new IdentityError('malformed', `not an OpenPGP private key (${String(error)})`);
  }
  if (!key.isDecrypted()) {
    if (!passphrase) throw new IdentityError('passphrase-required', 'the key is protected');
    try {
      key = await openpgp.decryptKey({ privateKey: key, passphrase });
    } catch {
      throw new IdentityError('wrong-passphrase', 'the passphrase does not unlock this key');
    }
  }
  try {
    await requireBoundEncryptionSubkey(key, toleratedNow(Date.now()));
  } catch (error) {
    throw new IdentityError(
      'unsupported-key',
      error instanceof Error ? error.message : String(error),
    );
  }
  const userIdPacket = key.users[0]?.userID;
  const userId = userIdPacket?.name || userIdPacket?.userID || '';
  try {
    return fromPrivateKey(key, userId);
  } catch (error) {
    if (error instanceof KeyMaterialError)
      throw new IdentityError('unsupported-key', error.message);
    throw error;
  }
}
