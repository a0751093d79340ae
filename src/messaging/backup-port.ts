/**
 * The `murmur.backup` port between the options page and the background. A backup or archive
 * is too large for one runtime message and takes long enough to want a progress bar, so it
 * streams: the background sends progress and the file in chunks; for a restore the page sends
 * the file in chunks, then the passphrase. Chunks are base64url (Chromium ports carry JSON).
 */
import {
  isBoolean,
  isLiteral,
  isObject,
  isString,
  type Guard,
  type GuardResult,
} from '../core/guard';
import type { IdentityView } from './views';

export const BACKUP_PORT = 'murmur.backup';
/** Raw bytes per chunk: well under Chromium's message size limit. */
export const BACKUP_CHUNK_BYTES = 1024 * 1024;
/** The largest backup file accepted for a restore. */
export const BACKUP_MAX_BYTES = 1024 * 1024 * 1024;

export type BackupCommand =
  | { type: 'backup'; passphrase: string }
  | { type: 'archive' }
  | { type: 'restore-chunk'; data: string }
  | { type: 'restore'; passphrase: string; replace: boolean };

export type BackupPhase =
  'reading' | 'encrypting' | 'decrypting' | 'writing' | 'starting' | 'signing';

export type BackupEvent =
  | { type: 'progress'; phase: BackupPhase; done: number; total: number }
  | { type: 'chunk'; data: string }
  | { type: 'done'; bytes: number; identity: IdentityView | null }
  | { type: 'error'; code: string; message: string };

const isPassphrase = isString({ min: 1, max: 1024 });
const commandGuards: Record<BackupCommand['type'], Guard<unknown>> = {
  backup: isObject({ type: isLiteral('backup'), passphrase: isPassphrase }),
  archive: isObject({ type: isLiteral('archive') }),
  // 1 MiB of bytes is 1,398,102 base64url characters.
  'restore-chunk': isObject({
    type: isLiteral('restore-chunk'),
    data: isString({ min: 1, max: 1_398_102, pattern: /^[A-Za-z0-9_-]+$/ }),
  }),
  restore: isObject({ type: isLiteral('restore'), passphrase: isPassphrase, replace: isBoolean }),
};

export const isBackupCommand: Guard<BackupCommand> = (input, path = '') => {
  const type = (input as { type?: unknown } | null)?.type;
  const guard =
    typeof type === 'string' && Object.hasOwn(commandGuards, type)
      ? commandGuards[type as BackupCommand['type']]
      : null;
  if (!guard) return { ok: false, reason: `${path || 'command'}: unknown command` };
  return guard(input, path) as GuardResult<BackupCommand>;
};
