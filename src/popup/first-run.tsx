/** First run: one screen — your name, "Start" — and an identity exists. */
import { useState } from 'preact/hooks';
import { background } from '../ui/background-client';
import { t } from '../ui/i18n';

export function FirstRun({ onDone }: { onDone: () => void }) {
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const start = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await background.request('identity.create', { displayName: name.trim() });
      onDone();
    } catch (e) {
      setError(String(e));
      setBusy(false);
    }
  };

  return (
    <form onSubmit={start} class="card" aria-labelledby="welcome-heading">
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
      <button type="submit" disabled={busy || !name.trim()}>
        {busy ? t('firstRunCreating') : t('firstRunStart')}
      </button>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </form>
  );
}
