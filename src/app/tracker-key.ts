/**
 * This installation's tracker key (an Ed25519 seed, base64url): made once, kept in the
 * settings so the peer id friends know stays ours. Used for nothing but trackers, never linked
 * to the identity key. What is read back is checked like any input: a damaged value is
 * replaced, not trusted.
 */
import { toBase64Url } from '../core/bytes';
import { generateSigningKey } from '../core/crypto/ed25519';
import { isTrackerKey } from '../messaging/host-requests';
import type { SettingsPort } from './settings-port';

export const TRACKER_KEY_SETTING = 'network.trackerKey';

export async function readOrCreateTrackerKey(settings: SettingsPort): Promise<string> {
  const stored = (await settings.get(TRACKER_KEY_SETTING))[TRACKER_KEY_SETTING];
  if (isTrackerKey(stored).ok) return stored as string;
  const seed = toBase64Url(generateSigningKey().seed);
  await settings.set({ [TRACKER_KEY_SETTING]: seed });
  return seed;
}
