/**
 * Options › Friends of friends: whether your friends may see who your friends are (off by
 * default), and whether you see who theirs are, when they share it.
 */
import { background } from '../ui/background-client';
import { t } from '../ui/i18n';
import { LabelledCheckbox } from '../ui/labelled-checkbox';
import { useRequest } from '../ui/use-request';

export function FriendsOfFriendsSection() {
  const [settings, reload] = useRequest('fof.get', {}, []);
  if (settings.kind !== 'ready') return null;
  const change = async (key: 'share' | 'show', value: boolean) => {
    await background.request('fof.set', { ...settings.value, [key]: value });
    reload();
  };
  return (
    <section aria-labelledby="fof-heading">
      <h2 id="fof-heading">{t('optionsFriendsOfFriends')}</h2>
      <LabelledCheckbox
        id="fof-share"
        checked={settings.value.share}
        onChange={(v) => void change('share', v)}
      >
        {t('fofShare')}
      </LabelledCheckbox>
      <LabelledCheckbox
        id="fof-show"
        checked={settings.value.show}
        onChange={(v) => void change('show', v)}
      >
        {t('fofShow')}
      </LabelledCheckbox>
    </section>
  );
}
