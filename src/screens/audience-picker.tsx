/**
 * Who sees a post: all friends, a saved list, or the friends chosen one by one (which can be
 * saved as a list).
 */
import { useState } from 'preact/hooks';
import type { Fingerprint } from '../core/identity/fingerprint';
import type { AudienceList } from '../messaging/settings';
import { background } from '../ui/background-client';
import { t } from '../ui/i18n';
import { useRequest } from '../ui/use-request';
import { LabelledRadio } from '../ui/labelled-radio';

export type Audience =
  | { kind: 'all' }
  | { kind: 'chosen'; members: Fingerprint[] }
  | { kind: 'list'; name: string; members: Fingerprint[] };

export const ALL_FRIENDS: Audience = { kind: 'all' };

/** Who a post is sent to: undefined for all friends. */
export const recipientsOf = (audience: Audience): Fingerprint[] | undefined =>
  audience.kind === 'all' ? undefined : audience.members;

/** Whether a post may go to this audience (someone chosen, if choosing). */
export const audienceReady = (audience: Audience) =>
  audience.kind !== 'chosen' || audience.members.length > 0;

/** The friends to choose from, asked for only once someone wants to choose. */
function FriendChoices({
  chosen,
  toggle,
}: {
  chosen: Fingerprint[];
  toggle: (fingerprint: Fingerprint, on: boolean) => void;
}) {
  const [friends] = useRequest('friends.list', {}, ['friends']);
  if (friends.kind !== 'ready') return null;
  return (
    <>
      {friends.value.map((f) => (
        <label key={f.fingerprint} class="indent">
          <input
            type="checkbox"
            data-fingerprint={f.fingerprint}
            checked={chosen.includes(f.fingerprint)}
            onChange={(e) => toggle(f.fingerprint, e.currentTarget.checked)}
          />{' '}
          {f.displayName}
        </label>
      ))}
    </>
  );
}

/** Names the friends chosen and keeps them as a list. */
function SaveAsList({
  lists,
  members,
  saved,
}: {
  lists: AudienceList[];
  members: Fingerprint[];
  saved: (audience: Audience) => void;
}) {
  const [name, setName] = useState('');
  const save = async () => {
    const list = { name: name.trim(), members };
    await background.request('lists.set', {
      lists: [...lists.filter((l) => l.name !== list.name), list],
    });
    setName('');
    saved({ kind: 'list', ...list });
  };
  return (
    <span class="row">
      <label for="list-name" class="visually-hidden">
        {t('listName')}
      </label>
      <input
        id="list-name"
        placeholder={t('listName')}
        value={name}
        maxLength={64}
        onInput={(e) => setName(e.currentTarget.value)}
      />
      <button type="button" id="save-list" disabled={!name.trim()} onClick={() => void save()}>
        {t('listSave')}
      </button>
    </span>
  );
}

export function AudiencePicker({
  audience,
  onChange,
}: {
  audience: Audience;
  onChange: (audience: Audience) => void;
}) {
  const [savedLists] = useRequest('lists.get', {}, ['settings']);
  const lists = savedLists.kind === 'ready' ? savedLists.value : [];
  const chosen = audience.kind === 'chosen' ? audience.members : null;
  const toggle = (fingerprint: Fingerprint, on: boolean) => {
    const others = (chosen ?? []).filter((fp) => fp !== fingerprint);
    onChange({ kind: 'chosen', members: on ? [...others, fingerprint] : others });
  };
  return (
    <fieldset class="audience">
      <legend>{t('audience')}</legend>
      <LabelledRadio
        name="audience"
        id="audience-all"
        checked={audience.kind === 'all'}
        onSelect={() => onChange(ALL_FRIENDS)}
      >
        {t('audienceAll')}
      </LabelledRadio>
      {lists.map((list, i) => (
        <LabelledRadio
          key={list.name}
          name="audience"
          id={`audience-list-${i}`}
          checked={audience.kind === 'list' && audience.name === list.name}
          onSelect={() => onChange({ kind: 'list', ...list })}
        >
          {t('audienceList', list.name, String(list.members.length))}
        </LabelledRadio>
      ))}
      <LabelledRadio
        name="audience"
        id="audience-chosen"
        checked={chosen !== null}
        onSelect={() => onChange({ kind: 'chosen', members: [] })}
      >
        {t('audienceChosen')}
      </LabelledRadio>
      {chosen && <FriendChoices chosen={chosen} toggle={toggle} />}
      {chosen && chosen.length > 0 && (
        <SaveAsList lists={lists} members={chosen} saved={onChange} />
      )}
    </fieldset>
  );
}
