/** One post or message: author, time, text — always as text, never as markup. */
import type { ComponentChildren } from 'preact';
import type { DeliveryView, MessageView } from '../messaging/views';
import { deliveryText } from '../ui/delivery-text';
import { formatTime } from '../ui/dates';
import { t } from '../ui/i18n';
import { ItemBoundary } from '../ui/item-boundary';
import { Avatar } from '../ui/avatar';
import { usePictureOf } from '../ui/author-pictures';
import { When } from '../ui/when';
import { PersonName } from './open-wall';
import { dataUrlOf } from '../ui/thumbnails';

// Formatters are built once (per call was a measurable part of the feed's first render), and
// never throw for a time a peer wrote (see ui/dates).
const time = (ms: number) => formatTime(ms);

/** A mark per state; the words are always there for screen readers and on hover. */
const DELIVERY_ICONS: Record<DeliveryView['state'], string> = {
  /** Not yet with anyone else. */
  queued: '◷',
  /** With some recipients, or carried by friends for them. */
  held: '✓',
  delivered: '✓✓',
  expired: '⚠',
};

/**
 * How far an own message got: a small mark, and the words about people (ui/delivery-text).
 * Once delivered to everyone the mark says it all and the words are for screen readers and
 * the hover title; until then they show, since they say whom it waits for.
 */
function Delivery({ status }: { status: DeliveryView }) {
  const words = deliveryText(status);
  const done = status.state === 'delivered';
  return (
    <p class="muted delivery" data-testid="delivery" data-state={status.state} title={words}>
      <span class="delivery-mark" aria-hidden="true">
        {DELIVERY_ICONS[status.state]}
      </span>{' '}
      <span class={done ? 'visually-hidden' : ''}>{words}</span>
    </p>
  );
}

interface ItemProps {
  message: MessageView;
  isNew?: boolean;
  children?: ComponentChildren;
}

/** Each item in its own error boundary: one that cannot be shown leaves the rest alone. */
export function MessageItem(props: ItemProps) {
  return (
    <ItemBoundary>
      <MessageItemContent {...props} />
    </ItemBoundary>
  );
}

function MessageItemContent({ message, isNew = false, children }: ItemProps) {
  const picture = usePictureOf(message.authorFingerprint);
  return (
    <li
      class={`item ${message.mine ? 'mine' : ''} ${isNew ? 'new' : ''}`}
      data-id={message.id}
      data-new={String(isNew)}
    >
      <div class="meta">
        <Avatar
          fingerprint={message.authorFingerprint}
          name={message.authorName}
          picture={message.authorKnown || message.mine ? picture : null}
          size="sm"
        />
        {isNew && <span class="new-mark">{t('newMark')} </span>}
        <strong>
          {message.mine ? (
            <PersonName fingerprint={message.authorFingerprint} name={t('you')} />
          ) : message.authorKnown ? (
            <PersonName fingerprint={message.authorFingerprint} name={message.authorName} />
          ) : (
            t('callsItself', message.authorName)
          )}
        </strong>
        {message.authorNameClash && (
          <span class="warning-mark" data-testid="name-clash">
            {' '}
            {t('nameClash')}
          </span>
        )}{' '}
        <When ms={message.createdAt} />
        {message.reply?.visibility === 'private' && (
          <span class="muted"> · {t('privateMark')}</span>
        )}
        {message.sharedBy !== null && (
          <span class="muted" data-testid="shared-by">
            {' · '}
            {t('sharedBy', message.sharedBy)}
          </span>
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
      {message.delivery && <Delivery status={message.delivery} />}
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
