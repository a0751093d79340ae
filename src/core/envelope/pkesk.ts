/**
 * Version 3 Public-Key Encrypted Session Key packets for ECDH on Curve25519 (RFC 9580 §5.1,
 * §11.5 legacy ECDH; RFC 6637 KDF), written here instead of by openpgp.js for two reasons:
 * - the key id is the wildcard (eight zero bytes), so the packet does not name its recipient;
 * - one ephemeral key serves every recipient of a message (randomness re-use, which is safe
 *   for DH-based multi-recipient encryption because each recipient's KEK is derived with
 *   that recipient's fingerprint in the KDF parameters). That halves the X25519 work and is
 *   what makes a 150-recipient seal fast. GnuPG and openpgp.js read these packets as usual.
 */
import { aeskw } from '@noble/ciphers/aes.js';
import { concatBytes, utf8 } from '../bytes';
import { sha256 } from '../crypto/hash';
import { agreeStaticAsync, type EphemeralKey } from '../crypto/x25519';
import type { EncryptionSubkey } from '../identity/key-material';

const ECDH_ALGORITHM = 18;
const AES256 = 9;
const SHA256 = 8;
const KEK_BYTES: Record<number, number> = { 7: 16, 8: 24, 9: 32 }; // AES-128/192/256
/** OID 1.3.6.1.4.1.3029.1.5.1 (Curve25519 legacy), DER body with its length byte. */
const CURVE25519_OID = new Uint8Array([
  0x0a, 0x2b, 0x06, 0x01, 0x04, 0x01, 0x97, 0x55, 0x01, 0x05, 0x01,
]);
const ANONYMOUS_SENDER = utf8('Anonymous Sender    ');

export class UnsupportedRecipientKey extends Error {
  override readonly name = 'UnsupportedRecipientKey';
}

function kdfParam(recipient: EncryptionSubkey): Uint8Array {
  return concatBytes(
    CURVE25519_OID,
    new Uint8Array([ECDH_ALGORITHM, 3, 1, recipient.kdfHash, recipient.kdfCipher]),
    ANONYMOUS_SENDER,
    recipient.fingerprint,
  );
}

/** Session key ‖ checksum with its algorithm byte, PKCS#5-padded to a multiple of 8. */
function sessionKeyBlock(sessionKey: Uint8Array): Uint8Array {
  let checksum = 0;
  for (const b of sessionKey) checksum = (checksum + b) & 0xffff;
  const plain = concatBytes(
    new Uint8Array([AES256]),
    sessionKey,
    new Uint8Array([checksum >> 8, checksum & 0xff]),
  );
  const pad = 8 - (plain.length % 8);
  return concatBytes(plain, new Uint8Array(pad).fill(pad));
}

export async function buildPkesk(
  ephemeral: EphemeralKey,
  recipient: EncryptionSubkey,
  sessionKey: Uint8Array,
): Promise<Uint8Array> {
  if (recipient.kdfHash !== SHA256 || !(recipient.kdfCipher in KEK_BYTES))
    throw new UnsupportedRecipientKey(`KDF ${recipient.kdfHash}/${recipient.kdfCipher}`);
  const shared = await ephemeral.agree(recipient.publicKey);
  const kek = sha256(concatBytes(new Uint8Array([0, 0, 0, 1]), shared, kdfParam(recipient))).slice(
    0,
    KEK_BYTES[recipient.kdfCipher],
  );
  const wrapped = aeskw(kek).encrypt(sessionKeyBlock(sessionKey));
  const body = concatBytes(
    new Uint8Array([3, 0, 0, 0, 0, 0, 0, 0, 0, ECDH_ALGORITHM]), // v3, wildcard key id, ECDH
    new Uint8Array([0x01, 0x07, 0x40]), // MPI of 263 bits: 0x40 ‖ 32-byte point
    ephemeral.publicKey,
    new Uint8Array([wrapped.length]),
    wrapped,
  );
  // New-format packet header, tag 1; bodies here are always < 192 bytes.
  return concatBytes(new Uint8Array([0xc1, body.length]), body);
}

/** The packet bytes buildPkesk writes before the ephemeral point, and the sizes after it. */
const PKESK_PREFIX = new Uint8Array([
  0xc1,
  0,
  3,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  ECDH_ALGORITHM,
  0x01,
  0x07,
  0x40,
]);
const POINT_AT = PKESK_PREFIX.length;

/**
 * The session key of a PKESK that buildPkesk wrote for `me`, or null (not that shape, or not for
 * this key: a hint collision or damage). Done here with the X25519 key imported once, instead of
 * by openpgp.js, which imports the private key afresh (as a JWK) for every message it opens.
 */
export async function unwrapPkesk(
  packet: Uint8Array,
  me: { encryption: EncryptionSubkey; encryptionSecret: Uint8Array },
): Promise<Uint8Array | null> {
  if (packet.length < POINT_AT + 33 || packet[1] !== packet.length - 2) return null;
  for (let i = 0; i < POINT_AT; i++) if (i !== 1 && packet[i] !== PKESK_PREFIX[i]) return null;
  const ephemeral = packet.subarray(POINT_AT, POINT_AT + 32);
  const wrapped = packet.subarray(POINT_AT + 33);
  if (packet[POINT_AT + 32] !== wrapped.length || wrapped.length !== 48) return null;
  const recipient = me.encryption;
  const kekBytes = KEK_BYTES[recipient.kdfCipher];
  if (recipient.kdfHash !== SHA256 || !kekBytes) return null;
  const shared = await agreeStaticAsync(me.encryptionSecret, ephemeral);
  const kek = sha256(concatBytes(new Uint8Array([0, 0, 0, 1]), shared, kdfParam(recipient)));
  let block: Uint8Array;
  try {
    block = aeskw(kek.subarray(0, kekBytes)).decrypt(wrapped);
  } catch {
    return null; // the integrity check failed: not wrapped for this key
  }
  // algorithm ‖ key[32] ‖ checksum[2] ‖ padding (5 × 0x05)
  if (block[0] !== AES256 || block.length !== 40) return null;
  const key = block.slice(1, 33);
  let checksum = 0;
  for (const b of key) checksum = (checksum + b) & 0xffff;
  if (block[33] !== checksum >> 8 || block[34] !== (checksum & 0xff)) return null;
  return key;
}
