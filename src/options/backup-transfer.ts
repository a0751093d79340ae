/**
 * The page's end of the `murmur.backup` port: runs one command, follows its progress, and
 * gathers the file the background streams back (or streams a file to it for a restore).
 */
import browser from 'webextension-polyfill';
import { concatBytes, fromBase64Url, toBase64Url } from '../core/bytes';
import {
  BACKUP_CHUNK_BYTES,
  BACKUP_PORT,
  type BackupCommand,
  type BackupEvent,
  type BackupPhase,
} from '../messaging/backup-port';
import type { IdentityView } from '../messaging/views';

export interface Progress {
  phase: BackupPhase;
  done: number;
  total: number;
}

export class TransferError extends Error {
  override readonly name = 'TransferError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface TransferResult {
  file: Uint8Array;
  identity: IdentityView | null;
}

export function transfer(
  command: Exclude<BackupCommand, { type: 'restore-chunk' }>,
  onProgress: (p: Progress) => void,
  upload?: Uint8Array,
): Promise<TransferResult> {
  const port = browser.runtime.connect({ name: BACKUP_PORT });
  const chunks: Uint8Array[] = [];
  return new Promise<TransferResult>((resolve, reject) => {
    port.onDisconnect.addListener(() =>
      reject(new TransferError('disconnected', 'Murmur stopped before it was done')),
    );
    port.onMessage.addListener((message: unknown) => {
      const event = message as BackupEvent;
      if (event.type === 'progress') onProgress(event);
      else if (event.type === 'chunk') chunks.push(fromBase64Url(event.data) ?? new Uint8Array());
      else if (event.type === 'error') reject(new TransferError(event.code, event.message));
      else if (event.type === 'done')
        resolve({ file: concatBytes(...chunks), identity: event.identity });
    });
    if (upload)
      for (let at = 0; at < upload.length; at += BACKUP_CHUNK_BYTES)
        port.postMessage({
          type: 'restore-chunk',
          data: toBase64Url(upload.subarray(at, at + BACKUP_CHUNK_BYTES)),
        } satisfies BackupCommand);
    port.postMessage(command);
  }).finally(() => port.disconnect());
}

/** Saves bytes as a file in the user's downloads folder, with the downloads API. */
export async function saveFile(bytes: Uint8Array, filename: string, type: string): Promise<void> {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  try {
    await browser.downloads.download({ url, filename, saveAs: false, conflictAction: 'uniquify' });
  } finally {
    // The download has its own copy once it started; the page keeps nothing.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}
