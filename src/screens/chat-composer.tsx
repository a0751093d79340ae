/**
 * The message field pinned under a conversation: Enter sends, Shift+Enter starts a new line;
 * the field keeps what was typed when sending fails, and says why.
 */
import { useState } from 'preact/hooks';
import { background } from '../ui/background-client';
import { errorText } from '../ui/error-text';
import { t } from '../ui/i18n';
import type { Fingerprint } from '../core/identity/fingerprint';
import { ErrorLine } from '../ui/notice';

export function ChatComposer({
  to,
  name,
  onSent,
}: {
  to: Fingerprint;
  name: string;
  onSent: () => void;
}) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  const send = async () => {
    if (!text.trim() || sending) return;
    setSending(true);
    try {
      await background.request('messages.send', { to, text });
      setText('');
      setError(null);
      onSent();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setSending(false);
    }
  };

  return (
    <form
      class="chat-composer"
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      <textarea
        id="chat-input"
        rows={1}
        aria-label={t('messageTo', name)}
        placeholder={t('messageTo', name)}
        value={text}
        onInput={(e) => setText(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
            e.preventDefault();
            void send();
          }
        }}
      />
      <button type="submit" class="primary" disabled={!text.trim() || sending}>
        {t('send')}
      </button>
      <ErrorLine error={error} />
    </form>
  );
}
