/**
 * Writing a post: the text, up to four pictures (shrunk here to thumbnails), and who sees it —
 * all friends, or the friends chosen.
 */
import { useState } from 'preact/hooks';
import { background } from '../ui/background-client';
import { t } from '../ui/i18n';
import { Notice, type NoticeState } from '../ui/notice';
import { useRequest } from '../ui/use-request';
import { dataUrlOf, filesOf, thumbnailsOf } from '../ui/thumbnails';
import { MESSAGE_LIMITS } from '../core/messages/kinds';
import type { ThumbnailData } from '../core/messages/thumbnail-data';
import type { AudienceList } from '../messaging/settings';
import { errorText } from '../ui/error-text';
import { useFocusOnMount } from '../ui/focus-on-mount';
import type { Fingerprint } from '../core/identity/fingerprint';

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

export function ComposePost({
  onPosted,
  onCancel,
}: {
  onPosted: () => void;
  onCancel: () => void;
}) {
  // Opened by "What's new?": the person is about to type. (Not `autofocus`: Firefox honours it
  // only while the document loads, and the composer opens later.)
  const field = useFocusOnMount<HTMLTextAreaElement>();
  const [text, setText] = useState('');
  /** null: all friends; else the fingerprints chosen. */
  const [chosen, setChosen] = useState<Fingerprint[] | null>(null);
  const [note, setNote] = useState<NoticeState | null>(null);
  const [pictures, setPictures] = useState<ThumbnailData[]>([]);
  /** A saved list picked as the audience (its members are in `chosen`). */
  const [listName, setListName] = useState<string | null>(null);
  const [newList, setNewList] = useState('');
  const [savedLists, reloadLists] = useRequest('lists.get', {}, ['settings']);
  const lists = savedLists.kind === 'ready' ? savedLists.value : [];
  const useList = (list: AudienceList) => {
    setListName(list.name);
    setChosen(list.members);
  };
  const saveList = async () => {
    const list = { name: newList.trim(), members: chosen ?? [] };
    await background.request('lists.set', {
      lists: [...lists.filter((l) => l.name !== list.name), list],
    });
    setNewList('');
    reloadLists();
    setListName(list.name);
  };

  const addPictures = async (input: HTMLInputElement) => {
    const files = filesOf([input]).slice(0, MESSAGE_LIMITS.thumbnails - pictures.length);
    input.value = '';
    setPictures([...pictures, ...(await thumbnailsOf(files))]);
  };
  const publish = async (event: Event) => {
    event.preventDefault();
    try {
      const thumbnails = pictures.length ? { thumbnails: pictures } : {};
      await background.request(
        'posts.publish',
        chosen ? { text, to: chosen, ...thumbnails } : { text, ...thumbnails },
      );
      setText('');
      setPictures([]);
      setListName(null);
      onPosted();
    } catch (e) {
      setNote({ ok: false, text: errorText(e) });
    }
  };
  const toggle = (fingerprint: Fingerprint, on: boolean) =>
    setChosen((list) =>
      on ? [...(list ?? []), fingerprint] : (list ?? []).filter((fp) => fp !== fingerprint),
    );

  return (
    <form onSubmit={(event) => void publish(event)}>
      <label for="compose">{t('composeLabel')}</label>
      <textarea
        id="compose"
        rows={3}
        ref={field}
        value={text}
        onInput={(e) => setText(e.currentTarget.value)}
      />
      <label for="compose-pictures">{t('composePictures')}</label>
      <input
        id="compose-pictures"
        type="file"
        accept="image/*"
        multiple
        disabled={pictures.length >= MESSAGE_LIMITS.thumbnails}
        onChange={(e) => void addPictures(e.currentTarget)}
      />
      {pictures.map((p, i) => (
        <span key={i} class="picture-preview">
          <img
            class="thumbnail"
            alt=""
            width={p.width / 4}
            height={p.height / 4}
            src={dataUrlOf(p)}
          />
          <button
            type="button"
            aria-label={t('composeRemovePicture')}
            onClick={() => setPictures(pictures.filter((_, k) => k !== i))}
          >
            ×
          </button>
        </span>
      ))}
      <fieldset class="audience">
        <legend>{t('audience')}</legend>
        <label>
          <input
            type="radio"
            name="audience"
            id="audience-all"
            checked={chosen === null}
            onChange={() => setChosen(null)}
          />{' '}
          {t('audienceAll')}
        </label>
        {lists.map((list, i) => (
          <label key={list.name}>
            <input
              type="radio"
              name="audience"
              id={`audience-list-${i}`}
              checked={listName === list.name}
              onChange={() => useList(list)}
            />{' '}
            {t('audienceList', list.name, String(list.members.length))}
          </label>
        ))}
        <label>
          <input
            type="radio"
            name="audience"
            id="audience-chosen"
            checked={chosen !== null && listName === null}
            onChange={() => {
              setListName(null);
              setChosen([]);
            }}
          />{' '}
          {t('audienceChosen')}
        </label>
        {chosen !== null && listName === null && (
          <>
            <FriendChoices chosen={chosen} toggle={toggle} />
            {chosen.length > 0 && (
              <span class="row">
                <label for="list-name" class="visually-hidden">
                  {t('listName')}
                </label>
                <input
                  id="list-name"
                  placeholder={t('listName')}
                  value={newList}
                  maxLength={64}
                  onInput={(e) => setNewList(e.currentTarget.value)}
                />
                <button
                  type="button"
                  id="save-list"
                  disabled={!newList.trim()}
                  onClick={() => void saveList()}
                >
                  {t('listSave')}
                </button>
              </span>
            )}
          </>
        )}
      </fieldset>
      <div class="row">
        <button
          type="submit"
          class="primary"
          disabled={!text.trim() || (chosen !== null && chosen.length === 0)}
        >
          {t('post')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
      <Notice notice={note} />
    </form>
  );
}
