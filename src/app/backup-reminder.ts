/** Backup bookkeeping in the user's settings: when the last backup was made, when "not now" was said. */
import type { SettingsPort } from './settings-port';
import { backupReminderDue, daysWithoutBackup } from '../core/backup/reminder';
import type { BackupReminderView } from '../messaging/views';

const LAST_BACKUP = 'backup.lastAt';
const DISMISSED = 'backup.reminderDismissedAt';
export const BACKUP_STATE_KEYS = [LAST_BACKUP, DISMISSED];

const timeOrNull = (value: unknown) =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

export async function recordBackupMade(settings: SettingsPort, at: number): Promise<void> {
  await settings.set({ [LAST_BACKUP]: at });
}

export async function dismissBackupReminder(settings: SettingsPort): Promise<void> {
  await settings.set({ [DISMISSED]: Date.now() });
}

export async function backupReminder(
  settings: SettingsPort,
  identityCreatedAt: number | null,
): Promise<BackupReminderView> {
  const stored = await settings.get([LAST_BACKUP, DISMISSED]);
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
