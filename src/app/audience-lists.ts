/**
 * Saved audiences, in the user's settings (so backups carry them). Only this browser knows
 * them: a post to a list goes to its members as "chosen friends", the list's name stays here.
 */
import { isAudienceLists, type AudienceList } from '../messaging/settings';
import type { SettingsPort } from './settings-port';

const LISTS = 'audience.lists';

export async function loadLists(settings: SettingsPort): Promise<AudienceList[]> {
  const checked = isAudienceLists((await settings.get(LISTS))[LISTS] ?? []);
  return checked.ok ? checked.value : [];
}

/** Replaces the lists; names are unique (a later list of the same name wins). */
export async function saveLists(
  settings: SettingsPort,
  lists: AudienceList[],
): Promise<AudienceList[]> {
  const byName = new Map(lists.map((l) => [l.name.trim(), { ...l, name: l.name.trim() }]));
  const unique = [...byName.values()].filter((l) => l.name);
  await settings.set({ [LISTS]: unique });
  return unique;
}
