/**
 * The feed: "What's new?" opens the composer; friends' posts below, newest first. The newest page follows
 * what arrives; older pages load on request, so thousands of posts cost nothing until asked.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { IdentityView, MessageView } from '../messaging/views';
import { Notice, type NoticeState } from '../ui/notice';
import { background } from '../ui/background-client';
import { t } from '../ui/i18n';
import { useRequest } from '../ui/use-request';
import { ComposePost } from './compose-post';
import { MessageItem } from './message-item';
import { Replies, repliesByPost } from './replies';

const PAGE = 100;

/**
 * The newest page is asked for as soon as the popup's script runs, alongside "who am I",
 * rather than after it: the feed is what the popup is opened for.
 */
const firstPage = background
  .request('messages.list', { kind: 'post', limit: PAGE })
  .catch(() => [] as MessageView[]);
/** Posts from others received after this were not seen yet: "what's new". */
const seenBefore = background.request('feed.seen', {}).catch(() => Date.now());

export function FeedView({ me }: { me: IdentityView }) {
  const [composing, setComposing] = useState(false);
  const [posted, setPosted] = useState<NoticeState | null>(null);
  const [posts, reload] = useRequest('messages.list', { kind: 'post', limit: PAGE }, ['messages']);
  const [replies, reloadReplies] = useRequest('messages.list', { kind: 'reply', limit: 1000 }, [
    'messages',
  ]);
  const byPost = useMemo(
    () => repliesByPost(replies.kind === 'ready' ? replies.value : []),
    [replies],
  );
  const [older, setOlder] = useState<MessageView[]>([]);
  const [more, setMore] = useState(true);
  const [prefetched, setPrefetched] = useState<MessageView[]>([]);
  const [seenAt, setSeenAt] = useState(Infinity);
  useEffect(() => void firstPage.then(setPrefetched), []);
  useEffect(() => void seenBefore.then(setSeenAt), []);
  // Whatever this popup has shown counts as seen for the next time it opens.
  const newestId = posts.kind === 'ready' ? (posts.value[0]?.id ?? '') : null;
  useEffect(() => {
    if (newestId !== null)
      void seenBefore.then(() => background.request('feed.seen', {})).catch(() => undefined);
  }, [newestId]);
  const newest = posts.kind === 'ready' ? posts.value : prefetched;
  const shown = [...newest, ...older.filter((m) => !newest.some((n) => n.id === m.id))];

  const loadOlder = async () => {
    const last = shown.at(-1);
    if (!last) return;
    const page = await background.request('messages.list', {
      kind: 'post',
      limit: PAGE,
      before: last.receivedAt,
    });
    setOlder((list) => [...list, ...page]);
    setMore(page.length === PAGE);
  };

  return (
    <section aria-labelledby="feed-heading">
      <h2 id="feed-heading">{t('feedTitle')}</h2>
      {composing ? (
        <ComposePost
          onPosted={() => {
            setComposing(false);
            setPosted({ ok: true, text: t('posted') });
            reload();
          }}
          onCancel={() => setComposing(false)}
        />
      ) : (
        <button
          type="button"
          class="whats-new"
          onClick={() => {
            setPosted(null);
            setComposing(true);
          }}
        >
          {t('whatsNew', me.displayName)}
        </button>
      )}
      <div data-testid="feed-notice">
        <Notice notice={posted} />
      </div>
      {posts.kind === 'ready' && shown.length === 0 && <p class="muted">{t('feedEmpty')}</p>}
      <ul class="list" data-testid="feed">
        {shown.map((m) => (
          <MessageItem key={m.id} message={m} isNew={!m.mine && m.receivedAt > seenAt}>
            <Replies post={m} replies={byPost.get(m.itemId) ?? []} onSent={reloadReplies} />
          </MessageItem>
        ))}
      </ul>
      {shown.length >= PAGE && more && (
        <button type="button" id="feed-older" onClick={() => void loadOlder()}>
          {t('showOlder')}
        </button>
      )}
    </section>
  );
}
