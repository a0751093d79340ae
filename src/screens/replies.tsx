/**
 * Replies under a post, threaded one level (a reply to a reply sits under it), and the forms to
 * write one — to the post or to a reply: public (everyone who sees the post; on someone else's
 * post their Murmur passes it on) or, on someone else's post, private (to its author only).
 */
import { useState } from 'preact/hooks';
import type { MessageView } from '../messaging/views';
import { background } from '../ui/background-client';
import { t } from '../ui/i18n';
import { LabelledCheckbox } from '../ui/labelled-checkbox';
import { MessageItem } from './message-item';
import { entryOf } from '../core/map-entry';
import { useSubmit } from '../ui/use-submit';
import { Notice } from '../ui/notice';
import { useFocusOnMount } from '../ui/focus-on-mount';
import { useFocusReturn } from '../ui/focus-return';
import { rememberRepliesOpen, repliesWereOpened } from '../ui/opened-replies';

function ReplyForm({
  post,
  parent,
  onSent,
}: {
  post: MessageView;
  parent: MessageView | null;
  onSent: () => void;
}) {
  const [text, setText] = useState('');
  const [onlyAuthor, setOnlyAuthor] = useState(false);
  const id = `reply-${parent?.itemId ?? post.itemId}`;
  // Opened by "Reply": the person is about to type.
  const field = useFocusOnMount<HTMLInputElement>();
  const label = onlyAuthor ? t('replyPrivate', post.authorName) : t('replyPublic');
  const send = useSubmit(async () => {
    await background.request('replies.send', {
      post: post.id,
      ...(parent ? { parentReplyId: parent.itemId } : {}),
      visibility: onlyAuthor ? 'private' : 'public',
      text,
    });
    setText('');
    onSent();
  });
  return (
    <form onSubmit={send.onSubmit} class="row reply-form">
      <label for={id} class="visually-hidden">
        {label}
      </label>
      <input
        id={id}
        ref={field}
        class="reply-text"
        placeholder={label}
        value={text}
        onInput={(e) => setText(e.currentTarget.value)}
      />
      {!post.mine && (
        <LabelledCheckbox class="only-author" checked={onlyAuthor} onChange={setOnlyAuthor}>
          {t('replyOnlyTo', post.authorName)}
        </LabelledCheckbox>
      )}
      <button type="submit" disabled={send.busy || !text.trim()}>
        {t('reply')}
      </button>
      <Notice notice={send.notice} />
    </form>
  );
}

/** Replies grouped by the post they answer (one pass, not one filter per post). */
export function repliesByPost(replies: MessageView[]): Map<string, MessageView[]> {
  const out = new Map<string, MessageView[]>();
  for (const r of replies) {
    const key = r.reply?.postId;
    if (key) entryOf(out, key, () => []).push(r);
  }
  return out;
}

export function Replies({
  post,
  replies,
  onSent,
}: {
  post: MessageView;
  replies: MessageView[];
  onSent: () => void;
}) {
  // The form appears on demand: a hundred idle forms made the feed slow to show.
  const [writing, setWriting] = useState(false);
  const replyButton = useFocusReturn<HTMLButtonElement>(writing);
  /** Folded under "Show N replies" until the reader opens them (or writes one); kept open. */
  const [open, setOpenNow] = useState(() => repliesWereOpened(post.itemId));
  const setOpen = (next: boolean) => {
    setOpenNow(next);
    rememberRepliesOpen(post.itemId, next);
  };
  /** The reply being answered (its item id), when answering one. */
  const [answering, setAnswering] = useState<string | null>(null);
  const mine = replies;
  const top = mine.filter((r) => !r.reply?.parentReplyId).reverse();
  const under = (r: MessageView) =>
    mine.filter((c) => c.reply?.parentReplyId === r.itemId).reverse();
  const listId = `replies-${post.itemId}`;
  const count = replies.length;
  return (
    <div class="replies" data-testid="replies">
      {count > 0 && (
        <button
          type="button"
          class="link"
          data-action="show-replies"
          aria-expanded={open}
          aria-controls={listId}
          onClick={() => setOpen(!open)}
        >
          {open
            ? t('hideReplies')
            : count === 1
              ? t('showOneReply')
              : t('showReplies', String(count))}
        </button>
      )}
      <ul class="list" id={listId} hidden={!open}>
        {/* Folded replies are not built at all: a feed of long threads shows as fast as one without. */}
        {open &&
          top.map((r) => (
            <li key={r.id} class="thread">
              <ul class="list">
                <MessageItem message={r} />
              </ul>
              <ul class="list nested">
                {under(r).map((c) => (
                  <MessageItem key={c.id} message={c} />
                ))}
              </ul>
              {answering === r.itemId ? (
                <ReplyForm
                  post={post}
                  parent={r}
                  onSent={() => {
                    setAnswering(null);
                    onSent();
                  }}
                />
              ) : (
                <button
                  type="button"
                  class="link nested"
                  data-action="reply-to"
                  onClick={() => setAnswering(r.itemId)}
                >
                  {r.mine ? t('followUp') : t('replyToReply', r.authorName)}
                </button>
              )}
            </li>
          ))}
      </ul>
      {writing ? (
        <ReplyForm
          post={post}
          parent={null}
          onSent={() => {
            setWriting(false);
            onSent();
          }}
        />
      ) : (
        <button
          type="button"
          class="link"
          data-action="reply"
          ref={replyButton}
          onClick={() => {
            setWriting(true);
            setOpen(true);
          }}
        >
          {t('reply')}
        </button>
      )}
    </div>
  );
}
