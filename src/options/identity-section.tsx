/**
 * Options › Identity: your fingerprint, and your keys to take elsewhere — the public key as
 * it is, the private key only encrypted with a passphrase you choose here.
 */
import { useState } from 'preact/hooks';
import { background } from '../ui/background-client';
import { t } from '../ui/i18n';
import { useRequest } from '../ui/use-request';
import { PassphraseSection } from './passphrase-section';
import { Notice } from '../ui/notice';
import { useSubmit } from '../ui/use-submit';

export function IdentitySection() {
  const [me] = useRequest('identity.get', {}, ['identity']);
  const [armored, setArmored] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const exportKeys = useSubmit(async (withPrivate: boolean) =>
    setArmored(await background.request('identity.export', withPrivate ? { passphrase } : {})),
  );
  if (me.kind !== 'ready' || !me.value) return null;
  const fingerprint = me.value.fingerprint
    .toUpperCase()
    .replace(/(.{4})/g, '$1 ')
    .trim();
  return (
    <section aria-labelledby="identity-heading">
      <h2 id="identity-heading">{t('optionsIdentity')}</h2>
      <p>
        {t('optionsFingerprint')} <code data-testid="fingerprint">{fingerprint}</code>
      </p>
      <p>
        <button
          type="button"
          id="export-public"
          disabled={exportKeys.busy}
          onClick={() => exportKeys.run(false)}
        >
          {t('exportPublic')}
        </button>
      </p>
      <form
        class="export-private"
        onSubmit={(event) => {
          event.preventDefault();
          if (passphrase.length >= 8) exportKeys.run(true);
        }}
      >
        <label for="export-passphrase">{t('exportPassphrase')}</label>
        <div class="row">
          <input
            id="export-passphrase"
            type="password"
            minLength={8}
            value={passphrase}
            onInput={(e) => setPassphrase(e.currentTarget.value)}
          />
          <button
            type="submit"
            id="export-private"
            disabled={exportKeys.busy || passphrase.length < 8}
          >
            {t('exportPrivate')}
          </button>
        </div>
      </form>
      <Notice notice={exportKeys.notice} />
      <PassphraseSection />
      {armored && (
        <textarea
          id="exported-key"
          readOnly
          rows={8}
          cols={70}
          value={armored}
          aria-label={t('exportedKey')}
        />
      )}
    </section>
  );
}
