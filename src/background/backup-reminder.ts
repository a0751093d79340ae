/** Backup bookkeeping in extension storage: when the last backup was made, when "not now" was said. */
import { extensionSettings } from './extension-settings';
import { backupReminderDue, daysWithoutBackup } from '../core/backup/reminder';
import type { BackupReminderView } from '../messaging/views';

const LAST_BACKUP = 'backup.lastAt';
const DISMISSED = 'backup.reminderDismissedAt';
export const BACKUP_STATE_KEYS = [LAST_BACKUP, DISMISSED];

const timeOrNull = (value: unknown) =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

export async function recordBackupMade(at: number): Promise<void> {
  await extensionSettings.set({ [LAST_BACKUP]: at });
}

export async function dismissBackupReminder(): Promise<void> {
  await extensionSettings.set({ [DISMISSED]: Date.now() });
}

export async function backupReminder(
  identityCreatedAt: number | null,
): Promise<BackupReminderView> {
  const stored = await extensionSettings.get([LAST_BACKUP, DISMISSED]);
  const lastBackupAt = timeOrNull(stored[LAST_BACKUP]);
  if (identityCreatedAt === null) return { due: false, lastBackupAt, days: 0 };
  const state = {
    now: Date.now(),
    identityCreatedAt,
    lastBackupAt,
    dismissedAt: timeOrNull(stored[DISMISSED]),
  };
  return { due: backupReminderDue(state), lastBackupAt, days: daysWithoutBackup(state) };
}
