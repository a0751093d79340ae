/**
 * The popup's two ways into backups: on first run, "restore from a backup file" (the options
 * page has room for a file picker, and Firefox closes a popup when one opens), and a reminder
 * when no backup was made for a long time — dismissable, and back a month later.
 */
import browser from 'webextension-polyfill';
import { background } from '../ui/background-client';
import { t } from '../ui/i18n';
import { useRequest } from '../ui/use-request';

const openBackupPage = () => {
  void browser.tabs.create({ url: browser.runtime.getURL('options.html#backup') });
  window.close();
};

export function RestoreBackupLink() {
  return (
    <p>
      <button type="button" class="link" id="restore-backup" onClick={openBackupPage}>
        {t('firstRunRestoreBackup')}
      </button>
    </p>
  );
}

export function BackupReminder() {
  const [reminder, reload] = useRequest('backup.reminder.get', {}, ['settings', 'identity']);
  if (reminder.kind !== 'ready' || !reminder.value.due) return null;
  const dismiss = async () => {
    await background.request('backup.reminder.dismiss', {});
    reload();
  };
  return (
    <aside class="card reminder" role="note" aria-label={t('optionsBackup')}>
      <p>{t('backupReminder', String(reminder.value.days))}</p>
      <button type="button" id="backup-reminder-make" onClick={openBackupPage}>
        {t('backupReminderMake')}
      </button>
      <button type="button" id="backup-reminder-dismiss" onClick={() => void dismiss()}>
        {t('notNow')}
      </button>
    </aside>
  );
}
