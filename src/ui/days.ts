/**
 * Days as a conversation separates them: "Today", "Yesterday", else the date. Local days, the
 * way the reader lives them; a time Date cannot hold is its own "unknown date" day.
 */
import { isShowableTime } from '../core/dates';

/** The local calendar day of a time, as a key that is equal for times on the same day. */
export function dayKey(ms: number): string {
  if (!isShowableTime(ms)) return 'unknown';
  const d = new Date(ms);
  return `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`;
}

export type DayLabel =
  { kind: 'today' } | { kind: 'yesterday' } | { kind: 'date'; ms: number } | { kind: 'unknown' };

export function dayLabel(ms: number, now: number): DayLabel {
  if (!isShowableTime(ms)) return { kind: 'unknown' };
  if (dayKey(ms) === dayKey(now)) return { kind: 'today' };
  const yesterday = new Date(now);
  yesterday.setDate(yesterday.getDate() - 1);
  if (dayKey(ms) === dayKey(yesterday.getTime())) return { kind: 'yesterday' };
  return { kind: 'date', ms };
}
