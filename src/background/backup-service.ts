/**
 * Backups, restores and the readable archive, served over the `murmur.backup` port to our own
 * extension pages. A restore is checked completely (passphrase, integrity, contents, the key
 * inside) before anything is changed; then the running Murmur stops, the store and settings are
 * replaced in one step each, and Murmur starts again as the restored identity.
 */
import { extensionSettings } from './extension-settings';
import type { Runtime } from 'webextension-polyfill';
import { archiveEntries, archiveKeys } from '../core/archive/archive-entries';
import { archiveHtml } from '../core/archive/archive-html';
import { openBackup, sealBackup } from '../core/backup/backup-file';
import { BACKUP_FORMAT, BACKUP_VERSION } from '../core/backup/contents';
import { toBase64Url, utf8 } from '../core/bytes';
import { CodedError } from '../core/coded-error';
import type { Identity } from '../core/identity/identity';
import {
  BACKUP_CHUNK_BYTES,
  isBackupCommand,
  type BackupCommand,
  type BackupEvent,
} from '../messaging/backup-port';
import type { IdentityView } from '../messaging/views';
import { readTables, replaceTables } from '../store/backup-tables';
import type { MurmurDatabase } from '../store/schema';
import { recordBackupMade } from '../app/backup-reminder';
import { BackupUpload, carriedSettings, checkRestorable } from '../app/backup-rules';

export interface BackupDeps {
  db: MurmurDatabase;
  identity: () => Promise<Identity | null>;
  /** Stops Murmur (links closed, node dropped) before the store is replaced. */
  stop: () => Promise<void>;
  /** Starts Murmur again from the store; returns who it is now. */
  start: () => Promise<IdentityView | null>;
}

export function serveBackupPort(port: Runtime.Port, deps: BackupDeps): void {
  const send = (event: BackupEvent) => port.postMessage(event);
  const upload = new BackupUpload();
  let busy = false;
  port.onMessage.addListener((message: unknown) => {
    const checked = isBackupCommand(message);
    if (!checked.ok) return send({ type: 'error', code: 'bad-request', message: checked.reason });
    const command: BackupCommand = checked.value;
    if (command.type === 'restore-chunk') {
      if (!upload.add(command.data))
        send({ type: 'error', code: 'too-large', message: 'the file is too large' });
      return;
    }
    if (busy) return send({ type: 'error', code: 'busy', message: 'one thing at a time' });
    busy = true;
    void run(command)
      .catch((error: unknown) => send(errorEvent(error)))
      .finally(() => (busy = false));
  });

  async function run(command: Exclude<BackupCommand, { type: 'restore-chunk' }>) {
    if (command.type === 'backup') {
      const file = await makeBackup(deps, command.passphrase, send);
      await streamOut(file);
      await recordBackupMade(extensionSettings, Date.now());
      return send({ type: 'done', bytes: file.length, identity: null });
    }
    if (command.type === 'archive') {
      const file = await makeArchive(deps, send);
      await streamOut(file);
      return send({ type: 'done', bytes: file.length, identity: null });
    }
    const file = upload.take();
    const identity = await restore(deps, file, command.passphrase, command.replace, send);
    send({ type: 'done', bytes: file.length, identity });
  }

  async function streamOut(file: Uint8Array) {
    for (let at = 0; at < file.length; at += BACKUP_CHUNK_BYTES)
      send({ type: 'chunk', data: toBase64Url(file.subarray(at, at + BACKUP_CHUNK_BYTES)) });
  }
}

async function makeBackup(
  deps: BackupDeps,
  passphrase: string,
  send: (e: BackupEvent) => void,
): Promise<Uint8Array> {
  const tables = await readTables(deps.db, ({ done, total }) =>
    send({ type: 'progress', phase: 'reading', done, total }),
  );
  const settings = carriedSettings(await extensionSettings.get(null));
  send({ type: 'progress', phase: 'encrypting', done: 0, total: 1 });
  return sealBackup(
    { format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: Date.now(), ...tables, settings },
    passphrase,
  );
}

async function makeArchive(deps: BackupDeps, send: (e: BackupEvent) => void): Promise<Uint8Array> {
  const identity = await deps.identity();
  if (!identity) throw new RangeError('there is no identity to archive');
  const tables = await readTables(deps.db, ({ done, total }) =>
    send({ type: 'progress', phase: 'reading', done, total }),
  );
  const entries = await archiveEntries(identity, tables.contacts, tables.messages, (done, total) =>
    send({ type: 'progress', phase: 'signing', done, total }),
  );
  const keys = await archiveKeys(
    identity,
    tables.contacts,
    new Set(entries.map((e) => e.authorFingerprint)),
    tables.messages,
  );
  const owner = { name: identity.displayName, fingerprint: identity.fingerprintHex };
  return utf8(archiveHtml(owner, entries, keys, Date.now()));
}

async function restore(
  deps: BackupDeps,
  file: Uint8Array,
  passphrase: string,
  replace: boolean,
  send: (e: BackupEvent) => void,
): Promise<IdentityView | null> {
  send({ type: 'progress', phase: 'decrypting', done: 0, total: 1 });
  const contents = await openBackup(file, passphrase);
  await checkRestorable(contents, await deps.identity(), replace);
  send({ type: 'progress', phase: 'writing', done: 0, total: 1 });
  await deps.stop();
  try {
    // One transaction: if it fails, the store is as it was and the old identity starts again.
    await replaceTables(deps.db, contents);
    await extensionSettings.clear();
    await extensionSettings.set(contents.settings);
    await recordBackupMade(extensionSettings, contents.createdAt);
  } catch (error) {
    await deps.start();
    throw error;
  }
  send({ type: 'progress', phase: 'starting', done: 0, total: 1 });
  return deps.start();
}

function errorEvent(error: unknown): BackupEvent {
  if (error instanceof CodedError)
    return { type: 'error', code: error.code, message: error.reason };
  return {
    type: 'error',
    code: 'failed',
    message: String(error instanceof Error ? error.message : error),
  };
}
