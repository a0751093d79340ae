/** Options › Profile: the name friends see, a status line, and a picture (kept small). */
import { useEffect, useState } from 'preact/hooks';
import type { ThumbnailData } from '../core/messages/thumbnail-data';
import { background } from '../ui/background-client';
import { t } from '../ui/i18n';
import { Notice, type NoticeState } from '../ui/notice';
import { AVATAR_SIDE, dataUrlOf, filesOf, thumbnailOf } from '../ui/thumbnails';
import { useRequest } from '../ui/use-request';
import { errorText } from '../ui/error-text';

export function ProfileSection() {
  const [loaded] = useRequest('profile.get', {}, []);
  const [name, setName] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [avatar, setAvatar] = useState<ThumbnailData | null>(null);
  const [note, setNote] = useState<NoticeState | null>(null);
  const profile = loaded.kind === 'ready' ? loaded.value : null;
  useEffect(() => {
    if (profile && name === null) {
      setName(profile.name);
      setStatus(profile.status);
      setAvatar(profile.avatar);
    }
  }, [profile, name]);
  if (!profile || name === null) return null;

  const pick = async (input: HTMLInputElement) => {
    const [file] = filesOf([input]);
    input.value = '';
    if (file) setAvatar(await thumbnailOf(file, AVATAR_SIDE));
  };
  const save = async (event: Event) => {
    event.preventDefault();
    try {
      await background.request('profile.set', { name: name.trim(), status: status.trim(), avatar });
      setNote({ ok: true, text: t('optionsSaved') });
    } catch (e) {
      setNote({ ok: false, text: t('optionsInvalid', errorText(e)) });
    }
  };
  return (
    <section aria-labelledby="profile-heading">
      <h2 id="profile-heading">{t('optionsProfile')}</h2>
      <form onSubmit={(event) => void save(event)}>
        <label for="profile-name">{t('firstRunName')}</label>
        <input
          id="profile-name"
          maxLength={64}
          value={name}
          onInput={(e) => setName(e.currentTarget.value)}
        />
        <label for="profile-status">{t('profileStatus')}</label>
        <input
          id="profile-status"
          maxLength={280}
          value={status}
          onInput={(e) => setStatus(e.currentTarget.value)}
        />
        <label for="profile-avatar">{t('profileAvatar')}</label>
        {avatar && <img class="avatar" alt="" width={32} height={32} src={dataUrlOf(avatar)} />}
        <input
          id="profile-avatar"
          type="file"
          accept="image/*"
          onChange={(e) => void pick(e.currentTarget)}
        />
        {avatar && (
          <button type="button" onClick={() => setAvatar(null)}>
            {t('profileAvatarRemove')}
          </button>
        )}
        <button type="submit" id="profile-save" disabled={!name.trim()}>
          {t('optionsSave')}
        </button>
        <Notice notice={note} />
      </form>
    </section>
  );
}
