/** The feed: write a post, and read friends' posts, newest first. */
import { t } from '../ui/i18n';
import { useRequest } from '../ui/use-request';
import { ComposePost } from './compose-post';
import { MessageItem } from './message-item';

export function FeedView() {
  const [posts, reload] = useRequest('messages.list', { kind: 'post', limit: 100 });
  return (
    <section aria-labelledby="feed-heading">
      <h2 id="feed-heading">{t('feedTitle')}</h2>
      <ComposePost onPosted={reload} />
      {posts.kind === 'ready' && posts.value.length === 0 && <p class="muted">{t('feedEmpty')}</p>}
      <ul class="list" data-testid="feed">
        {posts.kind === 'ready' && posts.value.map((m) => <MessageItem key={m.id} message={m} />)}
      </ul>
    </section>
  );
}
