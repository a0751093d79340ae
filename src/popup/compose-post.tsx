/** Writing a post: the text, and who sees it — all friends, or the friends chosen. */
import { useState } from 'preact/hooks';
import { background } from '../ui/background-client';
import { t } from '../ui/i18n';
import { Notice, type NoticeState } from '../ui/notice';
import { useRequest } from '../ui/use-request';

/** The friends to choose from, asked for only once someone wants to choose. */
function FriendChoices({
  chosen,
  toggle,
}: {
  chosen: string[];
  toggle: (fingerprint: string, on: boolean) => void;
}) {
  const [friends] = useRequest('friends.list', {}, 0);
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

export function ComposePost({ onPosted }: { onPosted: () => void }) {
  const [text, setText] = useState('');
  /** null: all friends; else the fingerprints chosen. */
  const [chosen, setChosen] = useState<string[] | null>(null);
  const [note, setNote] = useState<NoticeState | null>(null);

  const publish = async (event: Event) => {
    event.preventDefault();
    try {
      await background.request('posts.publish', chosen ? { text, to: chosen } : { text });
      setText('');
      setNote({ ok: true, text: t('posted') });
      onPosted();
    } catch (e) {
      setNote({ ok: false, text: String(e) });
    }
  };
  const toggle = (fingerprint: string, on: boolean) =>
    setChosen((list) =>
      on ? [...(list ?? []), fingerprint] : (list ?? []).filter((fp) => fp !== fingerprint),
    );

  return (
    <form onSubmit={publish}>
      <label for="compose">{t('composeLabel')}</label>
      <textarea
        id="compose"
        rows={3}
        value={text}
        onInput={(e) => setText(e.currentTarget.value)}
      />
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
        <label>
          <input
            type="radio"
            name="audience"
            id="audience-chosen"
            checked={chosen !== null}
            onChange={() => setChosen([])}
          />{' '}
          {t('audienceChosen')}
        </label>
        {chosen !== null && <FriendChoices chosen={chosen} toggle={toggle} />}
      </fieldset>
      <button type="submit" disabled={!text.trim() || (chosen !== null && chosen.length === 0)}>
        {t('post')}
      </button>
      <Notice notice={note} />
    </form>
  );
}
