/** A passphrase-protected Murmur after the browser started: one field, and it runs again. */
import { useState } from 'preact/hooks';
import { background } from '../ui/background-client';
import { t } from '../ui/i18n';
import { Notice, type NoticeState } from '../ui/notice';
import { useFocusOnMount } from '../ui/focus-on-mount';

export function Unlock({ displayName, onDone }: { displayName: string; onDone: () => void }) {
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<NoticeState | null>(null);
  // The screen shows once the page knows Murmur is locked: after load, when `autofocus` no
  // longer applies (Firefox honours it only while the document loads).
  const field = useFocusOnMount<HTMLInputElement>();
  const unlock = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    try {
      await background.request('identity.unlock', { passphrase });
      onDone();
    } catch {
      setNotice({ ok: false, text: t('unlockFailed') });
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(event) => void unlock(event)} class="card" aria-labelledby="unlock-heading">
      <h2 id="unlock-heading">{t('unlockTitle')}</h2>
      <p>{t('unlockIntro', displayName)}</p>
      <label for="unlock-passphrase">{t('passphraseCurrent')}</label>
      <input
        id="unlock-passphrase"
        type="password"
        autoComplete="current-password"
        ref={field}
        value={passphrase}
        onInput={(e) => setPassphrase(e.currentTarget.value)}
      />
      <button type="submit" disabled={busy || !passphrase}>
        {t('unlockButton')}
      </button>
      <Notice notice={notice} />
    </form>
  );
}
