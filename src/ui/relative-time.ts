/**
 * How long ago, as people say it in a feed or a chat list: "now", "5 min", "3 hr", then the
 * weekday within a week, then the date. Units come from Intl in the browser's language. A time
 * from the future (a friend's clock runs ahead) or one Date cannot hold gets the date, or
 * "unknown date" (ui/dates), never a throw.
 */
import { isShowableTime } from '../core/dates';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface RelativeTimeFormats {
  minutes: Intl.NumberFormat;
  hours: Intl.NumberFormat;
  weekday: Intl.DateTimeFormat;
  dayMonth: Intl.DateTimeFormat;
  fullDate: Intl.DateTimeFormat;
}

/** Built once per page: building formatters is a measurable part of rendering a long feed. */
export function relativeTimeFormats(locale?: string): RelativeTimeFormats {
  const unit = (u: 'minute' | 'hour') =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: u, unitDisplay: 'short' });
  return {
    minutes: unit('minute'),
    hours: unit('hour'),
    weekday: new Intl.DateTimeFormat(locale, { weekday: 'short' }),
    dayMonth: new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short' }),
    fullDate: new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }),
  };
}

export type RelativeTime = { kind: 'now' } | { kind: 'text'; text: string } | { kind: 'unknown' };

export function relativeTime(ms: number, now: number, formats: RelativeTimeFormats): RelativeTime {
  if (!isShowableTime(ms)) return { kind: 'unknown' };
  const ago = now - ms;
  if (ago >= -MINUTE && ago < MINUTE) return { kind: 'now' };
  if (ago > 0 && ago < HOUR)
    return { kind: 'text', text: formats.minutes.format(Math.floor(ago / MINUTE)) };
  if (ago > 0 && ago < DAY)
    return { kind: 'text', text: formats.hours.format(Math.floor(ago / HOUR)) };
  if (ago > 0 && ago < 6 * DAY) return { kind: 'text', text: formats.weekday.format(ms) };
  const sameYear = new Date(ms).getFullYear() === new Date(now).getFullYear();
  return {
    kind: 'text',
    text: (sameYear && ago > 0 ? formats.dayMonth : formats.fullDate).format(ms),
  };
}
