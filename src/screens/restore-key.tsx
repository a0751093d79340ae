/** First run, the other way: bring the keys exported from Murmur in another browser. */
import { useState } from 'preact/hooks';
import { background } from '../ui/background-client';
import { t } from '../ui/i18n';
import { Notice, type NoticeState } from '../ui/notice';
import { errorText } from '../ui/error-text';

export function RestoreKey({ onDone }: { onDone: () => void }) {
  const [armored, setArmored] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [notice, setNotice] = useState<NoticeState | null>(null);
  const restore = async (event: Event) => {
    event.preventDefault();
    try {
      await background.request(
        'identity.import',
        passphrase ? { armored: armored.trim(), passphrase } : { armored: armored.trim() },
      );
      onDone();
    } catch (e) {
      setNotice({ ok: false, text: t('restoreFailed', errorText(e)) });
    }
  };
  return (
    <details class="card">
      <summary>{t('restoreTitle')}</summary>
      <form onSubmit={(event) => void restore(event)}>
        <label for="restore-key">{t('restoreKey')}</label>
        <textarea
          id="restore-key"
          rows={4}
          value={armored}
          onInput={(e) => setArmored(e.currentTarget.value)}
        />
        <label for="restore-passphrase">{t('restorePassphrase')}</label>
        <input
          id="restore-passphrase"
          type="password"
          value={passphrase}
          onInput={(e) => setPassphrase(e.currentTarget.value)}
        />
        <button type="submit" disabled={!armored.trim()}>
          {t('restoreButton')}
        </button>
        <Notice notice={notice} />
      </form>
    </details>
  );
}
