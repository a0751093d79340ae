/** The feed: write a post for all friends, and read theirs, newest first. */
import { useState } from 'preact/hooks';
import { background } from '../ui/background-client';
import { t } from '../ui/i18n';
import { useRequest } from '../ui/use-request';
import { MessageItem } from './message-item';

export function FeedView() {
  const [posts, reload] = useRequest('messages.list', { kind: 'post', limit: 100 });
  const [text, setText] = useState('');
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);

  const publish = async (event: Event) => {
    event.preventDefault();
    try {
      await background.request('posts.publish', { text });
      setText('');
      setNote({ ok: true, text: t('posted') });
      reload();
    } catch (e) {
      setNote({ ok: false, text: String(e) });
    }
  };

  return (
    <section aria-labelledby="feed-heading">
      <h2 id="feed-heading">{t('feedTitle')}</h2>
      <form onSubmit={publish}>
        <label for="compose">{t('composeLabel')}</label>
        <textarea
          id="compose"
          rows={3}
          value={text}
          onInput={(e) => setText(e.currentTarget.value)}
        />
        <button type="submit" disabled={!text.trim()}>
          {t('post')}
        </button>
      </form>
      {note && (
        <p role={note.ok ? 'status' : 'alert'} class={note.ok ? '' : 'error'}>
          {note.text}
        </p>
      )}
      {posts.kind === 'ready' && posts.value.length === 0 && <p class="muted">{t('feedEmpty')}</p>}
      <ul class="list" data-testid="feed">
        {posts.kind === 'ready' && posts.value.map((m) => <MessageItem key={m.id} message={m} />)}
      </ul>
    </section>
  );
}
