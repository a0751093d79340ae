import { describe, expect, it } from 'vitest';
import { backupReminderDue, daysWithoutBackup } from '../../../src/core/backup/reminder';

const DAY = 24 * 3600_000;
const now = Date.UTC(2026, 10, 25);

describe('backup reminder', () => {
  it('waits a week after the identity was made, then reminds while there is no backup', () => {
    const state = { now, lastBackupAt: null, dismissedAt: null };
    expect(backupReminderDue({ ...state, identityCreatedAt: now - 6 * DAY })).toBe(false);
    expect(backupReminderDue({ ...state, identityCreatedAt: now - 8 * DAY })).toBe(true);
    expect(daysWithoutBackup({ ...state, identityCreatedAt: now - 8 * DAY })).toBe(8);
  });

  it('is quiet for a month after a backup, and for a month after "not now"', () => {
    const base = { now, identityCreatedAt: now - 400 * DAY, dismissedAt: null };
    expect(backupReminderDue({ ...base, lastBackupAt: now - 29 * DAY })).toBe(false);
    expect(backupReminderDue({ ...base, lastBackupAt: now - 31 * DAY })).toBe(true);
    expect(
      backupReminderDue({ ...base, lastBackupAt: now - 90 * DAY, dismissedAt: now - 2 * DAY }),
    ).toBe(false);
    expect(
      backupReminderDue({ ...base, lastBackupAt: now - 90 * DAY, dismissedAt: now - 31 * DAY }),
    ).toBe(true);
  });
});
