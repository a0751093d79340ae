/** First run, the other way: bring the keys exported from Murmur in another browser. */
import { useState } from 'preact/hooks';
import { background } from '../ui/background-client';
import { t } from '../ui/i18n';
import { Notice } from '../ui/notice';
import { errorText } from '../ui/error-text';
import { useSubmit } from '../ui/use-submit';
import { Field } from '../ui/field';

export function RestoreKey({ onDone }: { onDone: () => void }) {
  const [armored, setArmored] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const restore = useSubmit(
    async () => {
      const key = armored.trim();
      await background.request(
        'identity.import',
        passphrase ? { armored: key, passphrase } : { armored: key },
      );
      onDone();
    },
    (e) => t('restoreFailed', errorText(e)),
  );
  return (
    <details class="card">
      <summary>{t('restoreTitle')}</summary>
      <form onSubmit={restore.onSubmit}>
        <Field
          id="restore-key"
          label={t('restoreKey')}
          rows={4}
          value={armored}
          onInput={setArmored}
        />
        <Field
          id="restore-passphrase"
          label={t('restorePassphrase')}
          password
          value={passphrase}
          onInput={setPassphrase}
        />
        <button type="submit" disabled={restore.busy || !armored.trim()}>
          {t('restoreButton')}
        </button>
        <Notice notice={restore.notice} />
      </form>
    </details>
  );
}
