/**
 * The feed: "What's new?" opens the composer; friends' posts below, newest first. The newest page follows
 * what arrives; older pages load on request, so thousands of posts cost nothing until asked.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { IdentityView, MessageView } from '../messaging/views';
import { Notice, type NoticeState } from '../ui/notice';
import { background } from '../ui/background-client';
import { askEarly } from '../ui/early-answers';
import { t } from '../ui/i18n';
import { useRequest } from '../ui/use-request';
import { ComposePost } from './compose-post';
import { useFocusReturn } from '../ui/focus-return';
import { MessageItem } from './message-item';
import { Replies, repliesByPost } from './replies';

/**
 * A page is a little more than the tallest screen shows; the next one loads as the reader
 * scrolls near the end (or asks for it), so the first screen shows as soon as it can.
 */
const PAGE = 20;

/**
 * The newest page is asked for as soon as the page's script runs, alongside "who am I", rather
 * than after it: the feed is what Murmur is opened for. The first feed shown displays it until
 * its own answer comes.
 */
askEarly('messages.list', { kind: 'post', limit: PAGE });
/** Posts from others received after this were not seen yet: "what's new". */
const seenBefore = background.request('feed.seen', {}).catch(() => Date.now());

/** Calls `onSeen` whenever `target` scrolls into view (or near it). */
function useWhenSeen(onSeen: () => void) {
  const target = useRef<HTMLButtonElement>(null);
  const latest = useRef(onSeen);
  latest.current = onSeen;
  useEffect(() => {
    const element = target.current;
    if (!element) return;
    const observer = new IntersectionObserver(
      (entries) => entries.some((e) => e.isIntersecting) && latest.current(),
      { rootMargin: '400px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  });
  return target;
}

export function FeedView({ me }: { me: IdentityView }) {
  const [composing, setComposing] = useState(false);
  const whatsNew = useFocusReturn<HTMLButtonElement>(composing);
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
  const [seenAt, setSeenAt] = useState(Infinity);
  useEffect(() => void seenBefore.then(setSeenAt), []);
  // Whatever this popup has shown counts as seen for the next time it opens.
  const newestId = posts.kind === 'ready' ? (posts.value[0]?.id ?? '') : null;
  useEffect(() => {
    if (newestId !== null)
      // Marking the feed seen is a courtesy: if it fails, the new marks stay until next time.
      void seenBefore.then(() => background.request('feed.seen', {})).catch(() => undefined);
  }, [newestId]);
  const newest = posts.kind === 'ready' ? posts.value : [];
  const shown = [...newest, ...older.filter((m) => !newest.some((n) => n.id === m.id))];

  /** One page at a time, however often the end comes into view meanwhile. */
  const loading = useRef(false);
  const loadOlder = async () => {
    const last = shown.at(-1);
    if (!last || loading.current || !more) return;
    loading.current = true;
    try {
      const page = await background.request('messages.list', {
        kind: 'post',
        limit: PAGE,
        before: last.receivedAt,
      });
      setOlder((list) => [...list, ...page]);
      setMore(page.length === PAGE);
    } finally {
      loading.current = false;
    }
  };
  // A page that did not load leaves 'more' as it was: scrolling (or the button) asks again.
  const askOlder = () => void loadOlder().catch(() => undefined);
  const olderButton = useWhenSeen(askOlder);

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
          ref={whatsNew}
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
        <button type="button" id="feed-older" ref={olderButton} onClick={askOlder}>
          {t('showOlder')}
        </button>
      )}
    </section>
  );
}
