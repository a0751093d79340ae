/**
 * Dates as people read them, from times a peer wrote. A time outside what JavaScript's Date can
 * hold makes `format` and `toISOString` throw (RangeError); a friend's message must never take
 * a screen down with it, so these never throw and show "unknown date" instead.
 */
import { isShowableTime as isDate, isoTimeOrNull } from '../core/dates';
import { t } from './i18n';

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
  return isoTimeOrNull(ms) ?? undefined;
}
