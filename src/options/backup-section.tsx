/**
 * Options › Backup: an encrypted backup file of everything (identity, friends, history,
 * settings), a restore from one, and a readable HTML archive. Restoring over an existing
 * identity asks first; nothing is merged.
 */
import { useState } from 'preact/hooks';
import { t } from '../ui/i18n';
import { Notice } from '../ui/notice';
import { useSubmit } from '../ui/use-submit';
import { useRequest } from '../ui/use-request';
import { saveFile, transfer, TransferError, type Progress } from './backup-transfer';
import { errorText } from '../ui/error-text';

const today = () => new Date().toISOString().slice(0, 10);
const size = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
/** Error codes from the background that have their own sentence; others show the reason. */
const KNOWN_ERRORS = [
  'wrong-passphrase',
  'damaged',
  'not-a-backup',
  'newer-version',
  'identity-exists',
];

/** What went wrong with a backup, archive or restore, in the reader's words. */
function transferErrorText(e: unknown): string {
  const code = e instanceof TransferError ? e.code : '';
  if (KNOWN_ERRORS.includes(code)) return t(`backupError_${code.replace(/-/g, '_')}`);
  return e instanceof TransferError ? t('errorUnexpected', code) : errorText(e);
}

export function BackupSection() {
  const [me, reloadMe] = useRequest('identity.get', {}, ['identity']);
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [restorePassphrase, setRestorePassphrase] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const identity = me.kind === 'ready' ? me.value : null;
  /** One backup, archive or restore at a time, with its progress while it runs. */
  const job = useSubmit(async (work: () => Promise<string>) => {
    setProgress({ phase: 'reading', done: 0, total: 1 });
    try {
      return await work();
    } finally {
      setProgress(null);
    }
  }, transferErrorText);
  const busy = job.busy;
  const run = job.run;

  const backUp = (event: Event) => {
    event.preventDefault();
    run(async () => {
      const { file: bytes } = await transfer({ type: 'backup', passphrase }, setProgress);
      const name = `murmur-backup-${today()}.murmur`;
      await saveFile(bytes, name, 'application/octet-stream');
      setPassphrase('');
      setRepeat('');
      return t('backupSaved', name, size(bytes.length));
    });
  };
  const archive = () =>
    run(async () => {
      const { file: bytes } = await transfer({ type: 'archive' }, setProgress);
      const name = `murmur-archive-${today()}.html`;
      await saveFile(bytes, name, 'text/html');
      return t('backupSaved', name, size(bytes.length));
    });
  const restore = (replace: boolean) => {
    setConfirming(false);
    run(async () => {
      if (!file) throw new TypeError('no backup file chosen');
      const bytes = new Uint8Array(await file.arrayBuffer());
      const result = await transfer(
        { type: 'restore', passphrase: restorePassphrase, replace },
        setProgress,
        bytes,
      );
      setRestorePassphrase('');
      reloadMe();
      return t('restoreDone', result.identity?.displayName ?? '');
    });
  };
  const startRestore = (event: Event) => {
    event.preventDefault();
    if (identity) setConfirming(true);
    else restore(false);
  };

  const mismatch = repeat.length > 0 && repeat !== passphrase;
  return (
    <section aria-labelledby="backup-heading" id="backup">
      <h2 id="backup-heading">{t('optionsBackup')}</h2>
      {identity && (
        <form onSubmit={backUp} aria-label={t('backupMake')}>
          <p>{t('backupHelp')}</p>
          <label for="backup-passphrase">{t('backupPassphrase')}</label>
          <input
            id="backup-passphrase"
            type="password"
            minLength={8}
            value={passphrase}
            autoComplete="new-password"
            onInput={(e) => setPassphrase(e.currentTarget.value)}
          />
          <label for="backup-repeat">{t('backupRepeat')}</label>
          <input
            id="backup-repeat"
            type="password"
            value={repeat}
            autoComplete="new-password"
            aria-invalid={mismatch}
            onInput={(e) => setRepeat(e.currentTarget.value)}
          />
          <button
            type="submit"
            id="backup-make"
            disabled={busy || passphrase.length < 8 || repeat !== passphrase}
          >
            {t('backupMake')}
          </button>
          <button type="button" id="archive-make" disabled={busy} onClick={archive}>
            {t('archiveMake')}
          </button>
        </form>
      )}
      <form onSubmit={startRestore} aria-label={t('restoreBackup')}>
        <h3>{t('restoreBackup')}</h3>
        <label for="restore-file">{t('restoreFile')}</label>
        <input
          id="restore-file"
          type="file"
          accept=".murmur,application/octet-stream"
          onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
        />
        <label for="restore-passphrase">{t('backupPassphrase')}</label>
        <input
          id="restore-passphrase"
          type="password"
          value={restorePassphrase}
          autoComplete="off"
          onInput={(e) => setRestorePassphrase(e.currentTarget.value)}
        />
        <button type="submit" id="restore-start" disabled={busy || !file || !restorePassphrase}>
          {t('restoreBackup')}
        </button>
      </form>
      {confirming && identity && (
        <div role="alertdialog" aria-labelledby="replace-question" class="confirm">
          <p id="replace-question">{t('restoreReplaceQuestion', identity.displayName)}</p>
          <button type="button" id="restore-replace" onClick={() => restore(true)}>
            {t('restoreReplace')}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            {t('cancel')}
          </button>
        </div>
      )}
      {progress && (
        <p>
          <label for="backup-progress">{t(`backupPhase_${progress.phase}`)}</label>{' '}
          <progress id="backup-progress" max={progress.total} value={progress.done} />
        </p>
      )}
      <Notice notice={job.notice} />
    </section>
  );
}
