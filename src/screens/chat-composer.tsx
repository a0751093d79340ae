/**
 * The message field pinned under a conversation: Enter sends, Shift+Enter starts a new line;
 * the field keeps what was typed when sending fails, and says why.
 */
import { useState } from 'preact/hooks';
import { background } from '../ui/background-client';
import { t } from '../ui/i18n';
import type { Fingerprint } from '../core/identity/fingerprint';
import { Notice } from '../ui/notice';
import { useSubmit } from '../ui/use-submit';

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
  const send = useSubmit(async () => {
    await background.request('messages.send', { to, text });
    setText('');
    onSent();
  });
  const ready = text.trim() !== '' && !send.busy;

  return (
    <form
      class="chat-composer"
      onSubmit={(event) => (ready ? send.onSubmit(event) : event.preventDefault())}
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
            if (ready) send.run();
          }
        }}
      />
      <button type="submit" class="primary" disabled={!ready}>
        {t('send')}
      </button>
      <Notice notice={send.notice} />
    </form>
  );
}
