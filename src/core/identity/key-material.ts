/**
 * What Murmur needs from an OpenPGP v4 key: its fingerprint and the Curve25519 encryption
 * subkey (public point, KDF parameters, fingerprint) for building PKESK packets and the
 * pairwise hint secret. Keys are v4 with legacy Curve25519 (EdDSA + ECDH) so that Debian's
 * gpg 2.2 and sq 0.27, which read neither v6 keys nor SEIPDv2, can use them.
 */
import * as openpgp from 'openpgp';
import { fromHex } from '../bytes';
import { fingerprintFromBytes, type Fingerprint } from './fingerprint';

export interface EncryptionSubkey {
  /** 32-byte X25519 public key (little-endian u-coordinate). */
  publicKey: Uint8Array;
  /** 20-byte v4 fingerprint of the subkey: part of the ECDH KDF parameters. */
  fingerprint: Uint8Array;
  /** KDF hash and key-wrap cipher ids from the subkey's parameters (e.g. SHA256, AES128). */
  kdfHash: number;
  kdfCipher: number;
}

interface EcdhPublicParams {
  oid: { getName(): string };
  Q: Uint8Array;
  kdfParams: { hash: number; cipher: number };
}

export class KeyMaterialError extends Error {
  override readonly name = 'KeyMaterialError';
}

/**
 * The key's one ECDH subkey. Whether its binding is valid needs openpgp's asynchronous checks:
 * every key from outside passes requireBoundEncryptionSubkey (friend-key.ts) first; this
 * still refuses a second candidate, so the subkey used is always the one that was checked.
 */
export function encryptionSubkeyOf(key: openpgp.Key): EncryptionSubkey {
  if (key.keyPacket.version !== 4) throw new KeyMaterialError('only v4 keys are supported');
  const subkey = onlyEcdhSubkey(key);
  const params = subkey.keyPacket.publicParams as unknown as EcdhPublicParams;
  if (params.oid.getName() !== 'curve25519Legacy' || params.Q.length !== 33 || params.Q[0] !== 0x40)
    throw new KeyMaterialError('encryption subkey is not Curve25519');
  return {
    publicKey: params.Q.slice(1),
    fingerprint: fromHex(subkey.getFingerprint()),
    kdfHash: params.kdfParams.hash,
    kdfCipher: params.kdfParams.cipher,
  };
}

/**
 * The X25519 secret of a decrypted private key's encryption subkey, little-endian.
 * OpenPGP stores legacy Curve25519 secrets big-endian (RFC 4880bis), openpgp.js reverses it
 * the same way in genPrivateEphemeralKey.
 */
export function encryptionSecretOf(key: openpgp.PrivateKey): Uint8Array {
  const subkey = onlyEcdhSubkey(key);
  const d = (subkey.keyPacket as unknown as { privateParams?: { d?: Uint8Array } }).privateParams
    ?.d;
  if (!d) throw new KeyMaterialError('encryption subkey secret is not available (locked key?)');
  const padded = new Uint8Array(32);
  padded.set(d, 32 - d.length);
  return padded.reverse();
}

function onlyEcdhSubkey(key: openpgp.Key): openpgp.Subkey {
  const candidates = key.subkeys.filter(
    (s) => s.keyPacket.algorithm === openpgp.enums.publicKey.ecdh,
  );
  const [only] = candidates;
  if (!only) throw new KeyMaterialError('key has no ECDH encryption subkey');
  if (candidates.length > 1) throw new KeyMaterialError('key has more than one encryption subkey');
  return only;
}

export const fingerprintBytes = (key: openpgp.Key): Uint8Array => fromHex(key.getFingerprint());

/** The person a key names. */
export const fingerprintOfKey = (key: openpgp.Key): Fingerprint =>
  fingerprintFromBytes(fingerprintBytes(key));
