/**
 * The backup file: a short magic line naming the format version, then one OpenPGP message
 * (RFC 9580) encrypted with the user's passphrase — Argon2id key derivation (64 MiB, 3 passes)
 * and AEAD (SEIPD v2), zlib-compressed inside. AEAD means a truncated file or one flipped byte
 * fails as a whole: nothing half-read is ever restored. Inside is the contents as JSON, byte
 * fields as `{"$b": base64url}`. PROTOCOL.md §14 describes it.
 */
import * as openpgp from 'openpgp';
import { fromBase64Url, fromUtf8, toBase64Url, utf8 } from '../bytes';
import { CodedError } from '../coded-error';
import { BACKUP_FORMAT, BACKUP_VERSION, isBackupContents, type BackupContents } from './contents';

export type BackupErrorCode =
  'not-a-backup' | 'newer-version' | 'wrong-passphrase' | 'damaged' | 'invalid-contents';

export class BackupError extends CodedError<BackupErrorCode> {
  override readonly name = 'BackupError';
}

const MAGIC = 'MURMUR-BACKUP ';
/** `MURMUR-BACKUP 1\n`: readable with `head -1`, and checked before decrypting. */
const magicLine = (version: number) => utf8(`${MAGIC}${version}\n`);

const ENCRYPT_CONFIG = {
  s2kType: openpgp.enums.s2k.argon2,
  aeadProtect: true,
  preferredCompressionAlgorithm: openpgp.enums.compression.zlib,
} as const;

/**
 * The most a backup may unpack to. Backups are compressed (their JSON and base64 shrink well),
 * so the limit is on what comes out: past this, the contents could not become one JavaScript
 * string anyway, and a crafted file must not fill memory first.
 */
export const BACKUP_MAX_UNPACKED_BYTES = 512 * 1024 * 1024;

export async function sealBackup(
  contents: BackupContents,
  passphrase: string,
): Promise<Uint8Array> {
  if (!passphrase) throw new RangeError('a backup needs a passphrase');
  const json = JSON.stringify(contents, (_key, value: unknown) =>
    value instanceof Uint8Array ? { $b: toBase64Url(value) } : value,
  );
  const sealed = await openpgp.encrypt({
    message: await openpgp.createMessage({ binary: utf8(json) }),
    passwords: [passphrase],
    format: 'binary',
    config: ENCRYPT_CONFIG,
  });
  const head = magicLine(contents.version);
  const out = new Uint8Array(head.length + sealed.length);
  out.set(head);
  out.set(sealed, head.length);
  return out;
}

/** The format version a file claims, from its first line; throws if it is no Murmur backup. */
export function backupVersionOf(file: Uint8Array): { version: number; bodyAt: number } {
  const newline = file.indexOf(0x0a);
  const line =
    newline > 0 && newline < 32 ? new TextDecoder().decode(file.subarray(0, newline)) : '';
  const match = /^MURMUR-BACKUP ([1-9][0-9]{0,5})$/.exec(line);
  if (!match) throw new BackupError('not-a-backup', 'this file is not a Murmur backup');
  return { version: Number(match[1]), bodyAt: newline + 1 };
}

export async function openBackup(
  file: Uint8Array,
  passphrase: string,
  maxUnpackedBytes = BACKUP_MAX_UNPACKED_BYTES,
): Promise<BackupContents> {
  const { version, bodyAt } = backupVersionOf(file);
  if (version > BACKUP_VERSION)
    throw new BackupError('newer-version', `made by a newer Murmur (format ${version})`);
  const plain = await decrypt(file.subarray(bodyAt), passphrase, maxUnpackedBytes);
  let parsed: unknown;
  try {
    parsed = JSON.parse(fromUtf8(plain), (_key, value: unknown) => revive(value));
  } catch (error) {
    throw new BackupError('invalid-contents', `unreadable contents (${String(error)})`);
  }
  const head = parsed as { format?: unknown; version?: unknown } | null;
  if (head?.format !== BACKUP_FORMAT)
    throw new BackupError('invalid-contents', 'the contents are not a Murmur backup');
  if (typeof head.version === 'number' && head.version > BACKUP_VERSION)
    throw new BackupError('newer-version', `made by a newer Murmur (contents ${head.version})`);
  const checked = isBackupContents(parsed);
  if (!checked.ok) throw new BackupError('invalid-contents', checked.reason);
  return checked.value;
}

async function decrypt(
  body: Uint8Array,
  passphrase: string,
  maxUnpackedBytes: number,
): Promise<Uint8Array> {
  let message: openpgp.Message<Uint8Array>;
  try {
    message = await openpgp.readMessage({ binaryMessage: body });
  } catch (error) {
    throw new BackupError('damaged', `the file is cut short or damaged (${String(error)})`);
  }
  try {
    const { data } = await openpgp.decrypt({
      message,
      passwords: [passphrase],
      format: 'binary',
      config: { maxDecompressedMessageSize: maxUnpackedBytes },
    });
    return data;
  } catch (error) {
    // With SKESK v6 the passphrase is checked on its own (AEAD over the session key), before
    // the data: a wrong passphrase and damaged data fail with different errors.
    if (/decompressed message size/i.test(String(error)))
      throw new BackupError('damaged', `it unpacks to more than ${maxUnpackedBytes} bytes`);
    if (/session key/i.test(String(error)))
      throw new BackupError('wrong-passphrase', 'the passphrase does not open this backup');
    throw new BackupError('damaged', `the file is damaged (${String(error)})`);
  }
}

function revive(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  if (keys.length !== 1 || keys[0] !== '$b') return value;
  const bytes = fromBase64Url(String((value as { $b: unknown }).$b));
  if (!bytes) throw new TypeError('bad base64url in a byte field');
  return bytes;
}
