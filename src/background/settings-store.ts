/**
 * Network settings and this installation's tracker key, in extension storage.
 * What is read back is validated like any other input: a corrupted value falls back to
 * defaults instead of breaking the background.
 */
import { extensionSettings } from './extension-settings';
import {
  DEFAULT_NETWORK_SETTINGS,
  isNetworkSettings,
  type NetworkSettings,
} from '../messaging/settings';
import { readOrCreateTrackerKey } from '../app/tracker-key';

const NETWORK_KEY = 'settings.network';

export async function loadNetworkSettings(): Promise<NetworkSettings> {
  const stored = (await extensionSettings.get(NETWORK_KEY))[NETWORK_KEY];
  if (stored === undefined) return DEFAULT_NETWORK_SETTINGS;
  const checked = isNetworkSettings(stored);
  if (!checked.ok) console.warn('Murmur: stored network settings invalid, using defaults');
  return checked.ok ? checked.value : DEFAULT_NETWORK_SETTINGS;
}

export async function saveNetworkSettings(settings: NetworkSettings): Promise<void> {
  await extensionSettings.set({ [NETWORK_KEY]: settings });
}

/** This installation's tracker key (src/app/tracker-key.ts), read once per background. */
let trackerKeyOnce: Promise<string> | null = null;

/** Memoised: concurrent first calls (start-up and a status request) must not mint two keys. */
export function loadOrCreateTrackerKey(): Promise<string> {
  trackerKeyOnce ??= readOrCreateTrackerKey(extensionSettings).catch((error: unknown) => {
    trackerKeyOnce = null;
    throw error;
  });
  return trackerKeyOnce;
}

/** After a restore replaced the stored key: read it again. */
export function forgetTrackerKey(): void {
  trackerKeyOnce = null;
}
