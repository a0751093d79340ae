/**
 * What a backup carries and when a restore may go ahead. The settings that belong to this
 * browser (unread count, backup bookkeeping) stay behind. A restore is checked completely —
 * the key inside must load — before anything changes, and it never replaces an identity unless
 * the person said so. An upload is bounded as it arrives.
 */
import * as openpgp from 'openpgp';
import { BackupError } from '../core/backup/backup-file';
import type { BackupContents, JsonValue } from '../core/backup/contents';
import { concatBytes, fromBase64Url } from '../core/bytes';
import { CodedError } from '../core/coded-error';
import { importIdentity, type Identity } from '../core/identity/identity';
import { BACKUP_MAX_BYTES } from '../messaging/backup-port';
import { LOCAL_ATTENTION_KEYS } from './attention';
import { BACKUP_STATE_KEYS } from './backup-reminder';

const LOCAL_ONLY = new Set([...LOCAL_ATTENTION_KEYS, ...BACKUP_STATE_KEYS]);

/** The settings a backup carries. */
export function carriedSettings(stored: Record<string, unknown>): Record<string, JsonValue> {
  const carried: Record<string, JsonValue> = {};
  for (const [key, value] of Object.entries(stored))
    if (!LOCAL_ONLY.has(key)) carried[key] = value as JsonValue;
  return carried;
}

export class RestoreRefused extends CodedError<'identity-exists'> {
  override readonly name = 'RestoreRefused';
}

/** Throws unless `contents` may replace what this browser has (`current`). */
export async function checkRestorable(
  contents: BackupContents,
  current: Identity | null,
  replace: boolean,
): Promise<void> {
  // A passphrase-protected key stays protected: the restored Murmur asks for that passphrase,
  // as it did before; it must still read as a key.
  if (contents.identity.protected) {
    const armoredKey = contents.identity.armoredPrivateKey;
    const key = await openpgp.readPrivateKey({ armoredKey }).catch(() => null);
    if (!key)
      throw new BackupError('invalid-contents', 'the identity key in this backup is unreadable');
  } else await importIdentity(contents.identity.armoredPrivateKey);
  if (current && !replace)
    throw new RestoreRefused('identity-exists', 'this browser has an identity already');
}

/** A backup file arriving in chunks, refused as soon as it is too large. */
export class BackupUpload {
  private chunks: Uint8Array[] = [];
  private bytes = 0;

  /**
   * False when the chunk is unreadable or one too many: what came so far is dropped, and so is
   * every later chunk until the next command takes the upload.
   */
  add(chunk: string): boolean {
    const bytes = fromBase64Url(chunk);
    this.bytes += bytes?.length ?? 0;
    if (!bytes || this.bytes > BACKUP_MAX_BYTES) {
      this.chunks = [];
      return false;
    }
    this.chunks.push(bytes);
    return true;
  }

  /** The whole file so far; the upload starts again empty. */
  take(): Uint8Array {
    const file = concatBytes(...this.chunks);
    this.chunks = [];
    this.bytes = 0;
    return file;
  }
}
