/**
 * One conversation: the friend at the top, messages as bubbles by day (theirs left, the user's
 * right with a sent or delivered mark), and the composer pinned below. While it is open, what
 * arrives is read: the conversation is marked read whenever its messages change, so its unread
 * count does not come back after a restart.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { ConversationView, MessageView } from '../messaging/views';
import { Avatar } from '../ui/avatar';
import { background } from '../ui/background-client';
import { formatTime } from '../ui/dates';
import { dayKey, dayLabel } from '../ui/days';
import { deliveryText } from '../ui/delivery-text';
import { t } from '../ui/i18n';
import { ItemBoundary } from '../ui/item-boundary';
import { useRequest } from '../ui/use-request';
import { When } from '../ui/when';
import { ChatComposer } from './chat-composer';
import { PersonName } from './open-wall';

function DaySeparator({ ms }: { ms: number }) {
  const label = dayLabel(ms, Date.now());
  const text =
    label.kind === 'today'
      ? t('today')
      : label.kind === 'yesterday'
        ? t('yesterday')
        : label.kind === 'date'
          ? formatTime(label.ms, 'date')
          : t('unknownDate');
  return (
    <li class="day-separator">
      <span>{text}</span>
    </li>
  );
}

function Bubble({ message }: { message: MessageView }) {
  const delivery = message.delivery;
  return (
    <li class={`bubble-row ${message.mine ? 'mine' : 'theirs'}`} data-id={message.id}>
      <div class="bubble">
        <span class="visually-hidden">{message.mine ? t('you') : message.authorName}: </span>
        <p class="text">{message.text}</p>
        <span class="bubble-meta">
          <When ms={message.createdAt} />
          {delivery && (
            <span class="mark" data-state={delivery.state} title={deliveryText(delivery)}>
              <span aria-hidden="true">{delivery.state === 'delivered' ? ' ✓✓' : ' ✓'}</span>
              <span class="visually-hidden"> {deliveryText(delivery)}</span>
            </span>
          )}
        </span>
      </div>
    </li>
  );
}

/** The newest own message, while it is not delivered: its bubble is followed by where it is. */
function pendingOf(newestFirst: readonly MessageView[]): MessageView | null {
  const last = newestFirst.find((m) => m.mine);
  return last?.delivery && last.delivery.state !== 'delivered' ? last : null;
}

/** Right under the bubble it describes (it sat above the message field): where it is, in words. */
function Pending({ message }: { message: MessageView }) {
  if (!message.delivery) return null;
  return (
    <li class="pending-row">
      <p class="muted pending-delivery" role="status">
        {deliveryText(message.delivery)}
      </p>
    </li>
  );
}

/** `onBack`: the way back to the list, in the popup; beside the list (the full tab) there is none. */
export function Conversation({
  conversation,
  onBack,
}: {
  conversation: ConversationView;
  onBack?: () => void;
}) {
  const friend = conversation.with;
  const [messages, reload] = useRequest(
    'messages.list',
    { kind: 'direct', with: friend, limit: 100 },
    ['messages', 'friends'],
  );
  const newest = messages.kind === 'ready' ? (messages.value[0]?.id ?? '') : '';
  useEffect(() => {
    // A read mark that fails leaves the chat unread, which the next visit marks again.
    void background.request('conversations.read', { with: friend }).catch(() => undefined);
  }, [friend, newest]);
  const end = useRef<HTMLLIElement>(null);
  useEffect(() => end.current?.scrollIntoView({ block: 'end' }), [newest]);

  const list = messages.kind === 'ready' ? messages.value : [];
  const rows = [...list].reverse();
  const pending = pendingOf(list);
  return (
    <section class="conversation" aria-labelledby="conversation-heading">
      <header class="conversation-header">
        {onBack && (
          <button type="button" class="link back" onClick={onBack}>
            <span aria-hidden="true">← </span>
            {t('allChats')}
          </button>
        )}
        <Avatar
          fingerprint={friend}
          name={conversation.name}
          picture={conversation.avatar}
          size="sm"
        />
        <h2 id="conversation-heading">
          <PersonName fingerprint={friend} name={conversation.name} />
        </h2>
        <span class={`presence ${conversation.online ? 'online' : ''}`}>
          {conversation.online ? t('presenceOnline') : t('presenceOffline')}
        </span>
      </header>
      <ol
        class="bubbles"
        aria-label={t('messagesWith', conversation.name)}
        data-testid="conversation"
      >
        {rows.map((m, i) => (
          <ItemBoundary key={m.id}>
            {(i === 0 || dayKey(rows[i - 1]?.createdAt ?? 0) !== dayKey(m.createdAt)) && (
              <DaySeparator ms={m.createdAt} />
            )}
            <Bubble message={m} />
            {m === pending && <Pending message={m} />}
          </ItemBoundary>
        ))}
        <li ref={end} class="end" aria-hidden="true" />
      </ol>
      {messages.kind === 'ready' && list.length === 0 && (
        <p class="muted empty">{t('sayHello', conversation.name)}</p>
      )}
      <ChatComposer to={friend} name={conversation.name} onSent={reload} />
    </section>
  );
}
