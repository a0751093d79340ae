/** Options › Saved lists: the audiences saved from the popup's composer, with their members. */
import { background } from '../ui/background-client';
import { t } from '../ui/i18n';
import { useRequest } from '../ui/use-request';

export function ListsSection() {
  const [lists, reload] = useRequest('lists.get', {}, []);
  const [friends] = useRequest('friends.list', {}, ['friends']);
  if (lists.kind !== 'ready') return null;
  const names = new Map(
    friends.kind === 'ready' ? friends.value.map((f) => [f.fingerprint, f.displayName]) : [],
  );
  const remove = async (name: string) => {
    await background.request('lists.set', { lists: lists.value.filter((l) => l.name !== name) });
    reload();
  };
  return (
    <section aria-labelledby="lists-heading">
      <h2 id="lists-heading">{t('optionsLists')}</h2>
      {lists.value.length === 0 && <p class="muted">{t('listsNone')}</p>}
      <ul class="list" data-testid="lists">
        {lists.value.map((list) => (
          <li key={list.name}>
            <strong>{list.name}</strong>:{' '}
            {list.members.map((fp) => names.get(fp) ?? fp.slice(0, 8)).join(', ')}{' '}
            <button
              type="button"
              aria-label={t('listDelete', list.name)}
              onClick={() => void remove(list.name)}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
