/**
 * Who has which profile picture: friends (and people asked) from their contact records, and the
 * user's own. One small answer for every screen that shows authors, instead of the whole friends
 * list (safety numbers, their friends, connection states) that only the Friends screen needs.
 */
import type { Identity } from '../core/identity/identity';
import type { NodeStore } from '../core/state/store-port';
import type { AuthorPictureView } from '../messaging/views';
import { activeContacts } from './contacts';
import { avatarView } from './friend-view';
import { loadOwnProfile } from './profiles';
import type { SettingsPort } from './settings-port';

export async function authorPictures(
  store: NodeStore,
  settings: SettingsPort,
  me: Identity | null,
): Promise<AuthorPictureView[]> {
  const pictures: AuthorPictureView[] = [];
  for (const contact of await activeContacts(store)) {
    const picture = avatarView(contact);
    if (picture) pictures.push({ fingerprint: contact.fingerprint, picture });
  }
  const own = me ? (await loadOwnProfile(settings)).avatar : null;
  if (me && own) pictures.push({ fingerprint: me.fingerprintHex, picture: own });
  return pictures;
}
