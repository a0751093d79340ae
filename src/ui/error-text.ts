/**
 * What the user reads when a request fails: a refusal in their language, or one sentence for
 * each way the background itself can fail. Never an exception's English text; that goes to the
 * page's console for whoever debugs it.
 */
import { MessagingError } from '../messaging/errors';
import type { RefusalCode } from '../core/refusal';
import { t } from './i18n';

/** The `_locales` key of a refusal (message names allow no hyphens). */
export const refusalKey = (code: RefusalCode) => `refusal_${code.replaceAll('-', '_')}`;

export function errorText(error: unknown): string {
  if (error instanceof MessagingError) {
    if (error.refusal) return t(refusalKey(error.refusal));
    if (error.code === 'unavailable' || error.code === 'timeout') return t('errorUnavailable');
    if (error.code === 'invalid-payload') {
      console.warn('Murmur:', error.message);
      return t('errorInvalidInput');
    }
  }
  console.warn('Murmur:', error);
  return t('errorUnexpected', error instanceof MessagingError ? error.code : 'page');
}
