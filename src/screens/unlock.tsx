/** A passphrase-protected Murmur after the browser started: one field, and it runs again. */
import { useState } from 'preact/hooks';
import { background } from '../ui/background-client';
import { t } from '../ui/i18n';
import { Notice } from '../ui/notice';
import { useFocusOnMount } from '../ui/focus-on-mount';
import { useSubmit } from '../ui/use-submit';
import { Field } from '../ui/field';

export function Unlock({ displayName, onDone }: { displayName: string; onDone: () => void }) {
  const [passphrase, setPassphrase] = useState('');
  // The screen shows once the page knows Murmur is locked: after load, when `autofocus` no
  // longer applies (Firefox honours it only while the document loads).
  const field = useFocusOnMount<HTMLInputElement>();
  const unlock = useSubmit(
    async () => {
      await background.request('identity.unlock', { passphrase });
      onDone();
    },
    () => t('unlockFailed'),
  );
  return (
    <form onSubmit={unlock.onSubmit} class="card" aria-labelledby="unlock-heading">
      <h2 id="unlock-heading">{t('unlockTitle')}</h2>
      <p>{t('unlockIntro', displayName)}</p>
      <Field
        id="unlock-passphrase"
        label={t('passphraseCurrent')}
        password
        autoComplete="current-password"
        inputRef={field}
        value={passphrase}
        onInput={setPassphrase}
      />
      <button type="submit" disabled={unlock.busy || !passphrase}>
        {t('unlockButton')}
      </button>
      <Notice notice={unlock.notice} />
    </form>
  );
}
