/** Conversations: pick a friend, read and write direct messages, live while both are online. */
import { useState } from 'preact/hooks';
import type { FriendView } from '../messaging/views';
import { background } from '../ui/background-client';
import { t } from '../ui/i18n';
import { useRequest } from '../ui/use-request';
import { MessageItem } from './message-item';
import { errorText } from '../ui/error-text';
import type { Fingerprint } from '../core/identity/fingerprint';

function Conversation({ friend }: { friend: FriendView }) {
  const [messages, reload] = useRequest(
    'messages.list',
    { kind: 'direct', with: friend.fingerprint, limit: 100 },
    ['messages'],
  );
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);

  const send = async (event: Event) => {
    event.preventDefault();
    try {
      await background.request('messages.send', { to: friend.fingerprint, text });
      setText('');
      setError(null);
      reload();
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <div>
      <ul class="list chat" data-testid="conversation">
        {messages.kind === 'ready' &&
          [...messages.value].reverse().map((m) => <MessageItem key={m.id} message={m} />)}
      </ul>
      <form onSubmit={(event) => void send(event)} class="row">
        <label for="chat-input" class="visually-hidden">
          {t('messageTo', friend.displayName)}
        </label>
        <input id="chat-input" value={text} onInput={(e) => setText(e.currentTarget.value)} />
        <button type="submit" disabled={!text.trim()}>
          {t('send')}
        </button>
      </form>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </div>
  );
}

export function ChatsView() {
  const [friends] = useRequest('friends.list', {}, ['friends']);
  const [unread, reloadUnread] = useRequest('conversations.unread', {}, ['unread']);
  const [with_, setWith] = useState<Fingerprint | null>(null);
  const counts = unread.kind === 'ready' ? unread.value : {};
  const open = (fingerprint: Fingerprint) => {
    setWith(fingerprint);
    void background.request('conversations.read', { with: fingerprint }).then(reloadUnread);
  };
  const list = friends.kind === 'ready' ? friends.value : [];
  const friend = list.find((f) => f.fingerprint === with_) ?? null;
  return (
    <section aria-labelledby="chats-heading">
      <h2 id="chats-heading">{t('chatsTitle')}</h2>
      {list.length === 0 && <p class="muted">{t('friendsNone')}</p>}
      <div class="row" role="group" aria-label={t('chatsTitle')}>
        {list.map((f) => (
          <button
            type="button"
            key={f.fingerprint}
            aria-pressed={f.fingerprint === with_}
            data-fingerprint={f.fingerprint}
            onClick={() => open(f.fingerprint)}
          >
            {f.displayName}
            {(counts[f.fingerprint] ?? 0) > 0 && f.fingerprint !== with_ && (
              <span class="count" aria-label={t('unreadCount', String(counts[f.fingerprint]))}>
                {' '}
                {counts[f.fingerprint]}
              </span>
            )}
          </button>
        ))}
      </div>
      {friend && <Conversation friend={friend} />}
    </section>
  );
}
