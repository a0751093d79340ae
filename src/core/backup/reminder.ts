/**
 * When the popup reminds the user to make a backup: a week after the identity was made if
 * there never was one, then whenever the last one is a month old. "Not now" quiets it for a
 * month. All times in ms.
 */
export const FIRST_REMINDER_AFTER_MS = 7 * 24 * 3600_000;
export const REMIND_EVERY_MS = 30 * 24 * 3600_000;

export interface ReminderState {
  now: number;
  identityCreatedAt: number;
  lastBackupAt: number | null;
  dismissedAt: number | null;
}

export function backupReminderDue(state: ReminderState): boolean {
  const { now, identityCreatedAt, lastBackupAt, dismissedAt } = state;
  if (dismissedAt !== null && now - dismissedAt < REMIND_EVERY_MS) return false;
  if (lastBackupAt === null) return now - identityCreatedAt >= FIRST_REMINDER_AFTER_MS;
  return now - lastBackupAt >= REMIND_EVERY_MS;
}

/** Whole days since the last backup (or since the identity was made, if none), for the text. */
export function daysWithoutBackup(state: ReminderState): number {
  return Math.floor(
    (state.now - (state.lastBackupAt ?? state.identityCreatedAt)) / (24 * 3600_000),
  );
}
