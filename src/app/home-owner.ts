/** Whom a Murmur home serves: its owner's fingerprint, kept in its settings once paired. */
import type { Fingerprint } from '../core/identity/fingerprint';
import type { SettingsPort } from './settings-port';

export const HOME_OWNER = 'home.owner';

export async function homeOwner(settings: SettingsPort): Promise<Fingerprint | null> {
  const owner = (await settings.get(HOME_OWNER))[HOME_OWNER];
  return typeof owner === 'string' ? (owner as Fingerprint) : null;
}
