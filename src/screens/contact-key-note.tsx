/**
 * What the Friends list says about a contact's key when something needs the user: it expires
 * soon, it has expired (ask for a new card), or it cannot be used at all.
 */
import type { ContactKeyView } from '../messaging/views';
import { formatTime } from '../ui/dates';
import { t } from '../ui/i18n';

/** Warn this long before a key expires: time enough to ask for a new card. */
const WARN_BEFORE_MS = 30 * 86_400_000;

export function ContactKeyNote({ keyState, now }: { keyState: ContactKeyView; now: number }) {
  const text =
    keyState.state === 'expired'
      ? t('friendKeyExpired', formatTime(keyState.expiredAt, 'date'))
      : keyState.state === 'unusable'
        ? t('friendKeyUnusable', keyState.reason)
        : keyState.expiresAt !== null && keyState.expiresAt - now < WARN_BEFORE_MS
          ? t('friendKeyExpiresSoon', formatTime(keyState.expiresAt, 'date'))
          : null;
  if (text === null) return null;
  return (
    <p class="warning" role="note" data-testid="friend-key" data-state={keyState.state}>
      {text}
    </p>
  );
}
