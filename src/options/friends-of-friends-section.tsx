/**
 * Options › Friends of friends: whether your friends may see who your friends are (off by
 * default), and whether you see who theirs are, when they share it.
 */
import { background } from '../ui/background-client';
import { t } from '../ui/i18n';
import { useRequest } from '../ui/use-request';

export function FriendsOfFriendsSection() {
  const [settings, reload] = useRequest('fof.get', {}, 0);
  if (settings.kind !== 'ready') return null;
  const change = async (key: 'share' | 'show', value: boolean) => {
    await background.request('fof.set', { ...settings.value, [key]: value });
    reload();
  };
  return (
    <section aria-labelledby="fof-heading">
      <h2 id="fof-heading">{t('optionsFriendsOfFriends')}</h2>
      <label>
        <input
          id="fof-share"
          type="checkbox"
          checked={settings.value.share}
          onChange={(e) => void change('share', e.currentTarget.checked)}
        />{' '}
        {t('fofShare')}
      </label>
      <label>
        <input
          id="fof-show"
          type="checkbox"
          checked={settings.value.show}
          onChange={(e) => void change('show', e.currentTarget.checked)}
        />{' '}
        {t('fofShow')}
      </label>
    </section>
  );
}
