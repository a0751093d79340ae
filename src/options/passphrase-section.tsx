/**
 * Options › Identity › Passphrase: set one, change it, or remove it. With a passphrase the key is
 * stored encrypted and Murmur asks for it once per browser session.
 */
import { useState } from 'preact/hooks';
import { background } from '../ui/background-client';
import { t } from '../ui/i18n';
import { Notice } from '../ui/notice';
import { useSubmit } from '../ui/use-submit';
import { Field } from '../ui/field';
import { useRequest } from '../ui/use-request';
import { errorText } from '../ui/error-text';

export function PassphraseSection() {
  const [state, reload] = useRequest('identity.lock-state', {}, ['identity']);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const isProtected = state.kind === 'ready' && state.value.protected;
  const save = useSubmit(
    async (remove: boolean) => {
      await background.request('identity.passphrase', {
        ...(isProtected ? { current } : {}),
        next: remove ? null : next,
      });
      setCurrent('');
      setNext('');
      setRepeat('');
      reload();
      return t('passphraseSaved');
    },
    (e) => t('restoreFailed', errorText(e)),
  );
  if (state.kind !== 'ready' || !state.value.exists || state.value.locked) return null;
  const field = (id: string, label: string, value: string, set: (v: string) => void) => (
    <Field
      id={id}
      label={label}
      password
      autoComplete={id === 'passphrase-current' ? 'current-password' : 'new-password'}
      value={value}
      onInput={set}
    />
  );
  return (
    <form
      aria-labelledby="passphrase-heading"
      onSubmit={(e) => {
        e.preventDefault();
        save.run(false);
      }}
    >
      <h3 id="passphrase-heading">{t('optionsPassphrase')}</h3>
      <p data-testid="passphrase-state">{t(isProtected ? 'passphraseOn' : 'passphraseOff')}</p>
      {isProtected && field('passphrase-current', t('passphraseCurrent'), current, setCurrent)}
      {field('passphrase-new', t('passphraseNew'), next, setNext)}
      {field('passphrase-repeat', t('passphraseRepeat'), repeat, setRepeat)}
      <button
        type="submit"
        id="passphrase-save"
        disabled={save.busy || next.length < 8 || next !== repeat}
      >
        {t(isProtected ? 'passphraseChange' : 'passphraseSet')}
      </button>
      {isProtected && (
        <button
          type="button"
          id="passphrase-remove"
          disabled={save.busy || !current}
          onClick={() => save.run(true)}
        >
          {t('passphraseRemove')}
        </button>
      )}
      <Notice notice={save.notice} />
    </form>
  );
}
