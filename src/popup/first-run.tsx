/** First run: one screen — your name, an optional passphrase, "Start" — and an identity exists. */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { background } from '../ui/background-client';
import { t } from '../ui/i18n';
import { errorText } from '../ui/error-text';
import { ErrorLine } from '../ui/notice';

export function FirstRun({ onDone }: { onDone: () => void }) {
  const [name, setName] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [trackers, setTrackers] = useState<string[]>([]);
  useEffect(() => {
    void background
      .request('settings.network.get', {})
      .then((settings) => setTrackers(settings.trackers))
      .catch(() => undefined);
  }, []);

  const start = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await background.request(
        'identity.create',
        passphrase ? { displayName: name.trim(), passphrase } : { displayName: name.trim() },
      );
      onDone();
    } catch (e) {
      setError(errorText(e));
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(event) => void start(event)} class="card" aria-labelledby="welcome-heading">
      <h2 id="welcome-heading">{t('firstRunTitle')}</h2>
      <p>{t('firstRunIntro')}</p>
      <label for="display-name">{t('firstRunName')}</label>
      <input
        id="display-name"
        value={name}
        maxLength={64}
        required
        autoFocus
        onInput={(e) => setName(e.currentTarget.value)}
      />
      <label for="first-passphrase">{t('firstRunPassphrase')}</label>
      <input
        id="first-passphrase"
        type="password"
        autoComplete="new-password"
        aria-describedby="first-passphrase-help"
        value={passphrase}
        onInput={(e) => setPassphrase(e.currentTarget.value)}
      />
      <p id="first-passphrase-help" class="muted">
        {t('firstRunPassphraseHelp')}
      </p>
      {trackers.length > 0 && (
        <p class="muted" data-testid="first-run-tracker">
          {t('firstRunTracker', trackers.join(', '))}{' '}
          <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
            {t('firstRunChangeTracker')}
          </button>
        </p>
      )}
      <button type="submit" disabled={busy || !name.trim()}>
        {busy ? t('firstRunCreating') : t('firstRunStart')}
      </button>
      <ErrorLine error={error} />
    </form>
  );
}
