/**
 * The chats list: one row per friend with their picture, name, the last message and its time,
 * an unread count and whether they are online. The friend's name is the row's button (the rest
 * describes it), so "Bob" finds Bob's conversation by voice, by keyboard or in a test.
 */
import type { ConversationView } from '../messaging/views';
import { Avatar } from '../ui/avatar';
import { t } from '../ui/i18n';
import { When } from '../ui/when';
import type { Fingerprint } from '../core/identity/fingerprint';
import { useProgressive } from '../ui/progressive';

/** The store counts up to 100 unread (UNREAD_COUNT_LIMIT); past 99 the list says "99+". */
const countText = (n: number) => (n > 99 ? '99+' : String(n));

interface RowProps {
  c: ConversationView;
  onOpen: (with_: Fingerprint) => void;
  /** The conversation shown beside the list (the full tab), marked as the current one. */
  current: boolean;
}

function Row({ c, onOpen, current }: RowProps) {
  const about = `conversation-${c.with}-about`;
  return (
    <li class={`conversation-row ${c.unread > 0 ? 'unread' : ''} ${current ? 'current' : ''}`}>
      <span class="avatar-holder">
        <Avatar fingerprint={c.with} name={c.name} picture={c.avatar} />
        {c.online && <span class="online-dot" aria-hidden="true" />}
      </span>
      <span class="conversation-summary">
        <span class="conversation-top">
          {/* The name is the button; its ::after stretches over the row, so a click anywhere
              opens the conversation while the button's name stays what it shows. */}
          <button
            type="button"
            class="conversation-open"
            aria-describedby={about}
            aria-current={current ? 'true' : undefined}
            onClick={() => onOpen(c.with)}
          >
            {c.name}
          </button>
          {c.last && <When ms={c.last.at} />}
        </span>
        <span class="conversation-bottom" id={about}>
          <span class="last-message">
            {c.last ? (c.last.mine ? t('youSaid', c.last.text) : c.last.text) : t('noMessagesYet')}
          </span>
          {c.online && <span class="visually-hidden"> · {t('presenceOnline')}</span>}
          {c.unread > 0 && (
            <span class="unread-count">
              <span aria-hidden="true">{countText(c.unread)}</span>
              <span class="visually-hidden"> · {t('unreadCount', countText(c.unread))}</span>
            </span>
          )}
        </span>
      </span>
    </li>
  );
}

export function ConversationList({
  conversations,
  onOpen,
  open,
}: {
  conversations: ConversationView[];
  onOpen: (with_: Fingerprint) => void;
  open: Fingerprint | null;
}) {
  const rows = useProgressive(conversations);
  if (conversations.length === 0) return <p class="muted">{t('friendsNone')}</p>;
  return (
    <ul class="conversations" aria-label={t('chatsTitle')}>
      {rows.map((c) => (
        <Row key={c.with} c={c} onOpen={onOpen} current={c.with === open} />
      ))}
    </ul>
  );
}
