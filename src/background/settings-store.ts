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
import { toBase64Url } from '../core/bytes';
import { generateSigningKey } from '../core/crypto/ed25519';
import { isTrackerKey } from '../messaging/host-requests';

const NETWORK_KEY = 'settings.network';
const TRACKER_KEY = 'network.trackerKey';

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

/**
 * This installation's tracker key (an Ed25519 seed, base64url): made once, kept so the peer
 * id friends know stays ours. Used for nothing but trackers, never linked to the identity key.
 */
let trackerKeyOnce: Promise<string> | null = null;

/** Memoised: concurrent first calls (start-up and a status request) must not mint two keys. */
export function loadOrCreateTrackerKey(): Promise<string> {
  trackerKeyOnce ??= readOrCreateTrackerKey().catch((error: unknown) => {
    trackerKeyOnce = null;
    throw error;
  });
  return trackerKeyOnce;
}

/** After a restore replaced the stored key: read it again. */
export function forgetTrackerKey(): void {
  trackerKeyOnce = null;
}

async function readOrCreateTrackerKey(): Promise<string> {
  const stored = (await extensionSettings.get(TRACKER_KEY))[TRACKER_KEY];
  if (isTrackerKey(stored).ok) return stored as string;
  const seed = toBase64Url(generateSigningKey().seed);
  await extensionSettings.set({ [TRACKER_KEY]: seed });
  return seed;
}
