/** One post or message: author, time, text — always as text, never as markup. */
import type { ComponentChildren } from 'preact';
import type { MessageView } from '../messaging/views';
import { t } from '../ui/i18n';
import { dataUrlOf } from '../ui/thumbnails';

// One formatter for every item: building one per call was a measurable part of the feed's first render.
const formatter = new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'short' });
const time = (ms: number) => formatter.format(ms);

export function MessageItem({
  message,
  isNew = false,
  children,
}: {
  message: MessageView;
  isNew?: boolean;
  children?: ComponentChildren;
}) {
  return (
    <li
      class={`item ${message.mine ? 'mine' : ''} ${isNew ? 'new' : ''}`}
      data-id={message.id}
      data-new={String(isNew)}
    >
      <div class="meta">
        {isNew && <span class="new-mark">{t('newMark')} </span>}
        <strong>{message.mine ? t('you') : message.authorName}</strong>{' '}
        <time dateTime={new Date(message.createdAt).toISOString()}>{time(message.createdAt)}</time>
        {message.reply?.visibility === 'private' && (
          <span class="muted"> · {t('privateMark')}</span>
        )}
        {message.mirroredFromFacebookAt !== null && (
          <span class="muted" data-testid="from-facebook">
            {' · '}
            {t('fromFacebook', time(message.mirroredFromFacebookAt))}
          </span>
        )}
      </div>
      <p class="text" data-testid="message-text">
        {message.text}
      </p>
      {message.thumbnails.map((thumb, i) => (
        <img
          key={i}
          class="thumbnail"
          alt=""
          width={thumb.width}
          height={thumb.height}
          src={dataUrlOf(thumb)}
        />
      ))}
      {children}
    </li>
  );
}
