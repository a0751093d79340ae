/**
 * A time as "5 min" with the exact date and time for whoever wants it: on hover (title) and read
 * by screen readers (hidden text), in a machine-readable <time>.
 */
import { formatTime, isoTime } from './dates';
import { t } from './i18n';
import { relativeTime, relativeTimeFormats } from './relative-time';

const formats = relativeTimeFormats();

export function When({ ms, now = Date.now() }: { ms: number; now?: number }) {
  const relative = relativeTime(ms, now, formats);
  const exact = formatTime(ms, 'medium');
  const shown =
    relative.kind === 'now' ? t('justNow') : relative.kind === 'text' ? relative.text : exact;
  return (
    <time class="when" dateTime={isoTime(ms)} title={exact}>
      <span aria-hidden="true">{shown}</span>
      <span class="visually-hidden">{exact}</span>
    </time>
  );
}
