/**
 * The unlocked key of a passphrase-protected identity, in the browser's session storage: memory
 * only and our own contexts only, so it is gone when the browser quits, yet kept across restarts
 * of the background (Chromium stops its service worker whenever it is idle).
 */
import browser from 'webextension-polyfill';
import type { UnlockedKeyCache } from '../app/account';

const UNLOCKED_KEY = 'identity.unlocked';

export const unlockedKeys: UnlockedKeyCache = {
  get: async () => {
    const value = (await browser.storage.session.get(UNLOCKED_KEY))[UNLOCKED_KEY];
    return typeof value === 'string' ? value : null;
  },
  set: async (armored: string | null) => {
    if (armored === null) await browser.storage.session.remove(UNLOCKED_KEY);
    else await browser.storage.session.set({ [UNLOCKED_KEY]: armored });
  },
};
