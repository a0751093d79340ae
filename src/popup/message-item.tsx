/** One post or message: author, time, text — always as text, never as markup. */
import type { MessageView } from '../messaging/views';
import { t } from '../ui/i18n';

const time = (ms: number) =>
  new Date(ms).toLocaleString(undefined, { dateStyle: 'short', timeStyle: 'short' });

export function MessageItem({ message }: { message: MessageView }) {
  return (
    <li class={`item ${message.mine ? 'mine' : ''}`} data-id={message.id}>
      <div class="meta">
        <strong>{message.mine ? t('you') : message.authorName}</strong>{' '}
        <time dateTime={new Date(message.createdAt).toISOString()}>{time(message.createdAt)}</time>
      </div>
      <p class="text" data-testid="message-text">
        {message.text}
      </p>
    </li>
  );
}
