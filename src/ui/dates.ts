/**
 * Dates as people read them, from times a peer wrote. A time outside what JavaScript's Date can
 * hold makes `format` and `toISOString` throw (RangeError); a friend's message must never take
 * a screen down with it, so these never throw and show "unknown date" instead.
 */
import { t } from './i18n';

/** ±8.64e15 ms is the whole range of a JavaScript Date. */
const isDate = (ms: number): boolean => Number.isFinite(ms) && Math.abs(ms) <= 8.64e15;

const shortDateTime = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'short',
  timeStyle: 'short',
});
const mediumDateTime = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'medium',
  timeStyle: 'short',
});
const mediumDate = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

const formatters = { short: shortDateTime, medium: mediumDateTime, date: mediumDate } as const;

export function formatTime(ms: number, style: keyof typeof formatters = 'short'): string {
  return isDate(ms) ? formatters[style].format(ms) : t('unknownDate');
}

/** For `<time dateTime>`: the ISO form, or undefined when there is none. */
export function isoTime(ms: number): string | undefined {
  return isDate(ms) ? new Date(ms).toISOString() : undefined;
}
