/** Options › Profile: the name friends see, a status line, and a picture (kept small). */
import { useEffect, useState } from 'preact/hooks';
import type { ThumbnailData } from '../core/messages/thumbnail-data';
import { background } from '../ui/background-client';
import { t } from '../ui/i18n';
import { Notice } from '../ui/notice';
import { useSubmit } from '../ui/use-submit';
import { Field } from '../ui/field';
import { AVATAR_SIDE, dataUrlOf, filesOf, thumbnailOf } from '../ui/thumbnails';
import { useRequest } from '../ui/use-request';
import { errorText } from '../ui/error-text';

export function ProfileSection() {
  const [loaded] = useRequest('profile.get', {}, []);
  const [name, setName] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [avatar, setAvatar] = useState<ThumbnailData | null>(null);
  const save = useSubmit(
    async () => {
      const profile = { name: (name ?? '').trim(), status: status.trim(), avatar };
      await background.request('profile.set', profile);
      return t('optionsSaved');
    },
    (e) => t('optionsInvalid', errorText(e)),
  );
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
  return (
    <section aria-labelledby="profile-heading">
      <h2 id="profile-heading">{t('optionsProfile')}</h2>
      <form onSubmit={save.onSubmit}>
        <Field
          id="profile-name"
          label={t('firstRunName')}
          maxLength={64}
          value={name}
          onInput={setName}
        />
        <Field
          id="profile-status"
          label={t('profileStatus')}
          maxLength={280}
          value={status}
          onInput={setStatus}
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
        <button type="submit" id="profile-save" disabled={save.busy || !name.trim()}>
          {t('optionsSave')}
        </button>
        <Notice notice={save.notice} />
      </form>
    </section>
  );
}
