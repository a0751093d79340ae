/** Every visible string goes through the browser's i18n catalogue (`_locales/`). */
import browser from 'webextension-polyfill';

export function t(key: string, ...substitutions: string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}
