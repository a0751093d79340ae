/**
 * Saved audiences, in extension storage (so backups carry them). Only this browser knows them:
 * a post to a list goes to its members as "chosen friends", the list's name stays here.
 */
import { extensionSettings } from './extension-settings';
import { isAudienceLists, type AudienceList } from '../messaging/settings';

const LISTS = 'audience.lists';

export async function loadLists(): Promise<AudienceList[]> {
  const checked = isAudienceLists((await extensionSettings.get(LISTS))[LISTS] ?? []);
  return checked.ok ? checked.value : [];
}

/** Replaces the lists; names are unique (a later list of the same name wins). */
export async function saveLists(lists: AudienceList[]): Promise<AudienceList[]> {
  const byName = new Map(lists.map((l) => [l.name.trim(), { ...l, name: l.name.trim() }]));
  const unique = [...byName.values()].filter((l) => l.name);
  await extensionSettings.set({ [LISTS]: unique });
  return unique;
}
