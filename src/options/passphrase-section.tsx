/**
 * Options › Identity › Passphrase: set one, change it, or remove it. With a passphrase the key is
 * stored encrypted and Murmur asks for it once per browser session.
 */
import { useState } from 'preact/hooks';
import { background } from '../ui/background-client';
import { t } from '../ui/i18n';
import { Notice, type NoticeState } from '../ui/notice';
import { useRequest } from '../ui/use-request';
import { errorText } from '../ui/error-text';

export function PassphraseSection() {
  const [state, reload] = useRequest('identity.lock-state', {}, ['identity']);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [note, setNote] = useState<NoticeState | null>(null);
  if (state.kind !== 'ready' || !state.value.exists || state.value.locked) return null;
  const isProtected = state.value.protected;

  const save = async (remove: boolean) => {
    try {
      await background.request('identity.passphrase', {
        ...(isProtected ? { current } : {}),
        next: remove ? null : next,
      });
      setCurrent('');
      setNext('');
      setRepeat('');
      setNote({ ok: true, text: t('passphraseSaved') });
      reload();
    } catch (e) {
      setNote({ ok: false, text: t('restoreFailed', errorText(e)) });
    }
  };
  const field = (id: string, label: string, value: string, set: (v: string) => void) => (
    <>
      <label for={id}>{label}</label>
      <input
        id={id}
        type="password"
        autoComplete={id === 'passphrase-current' ? 'current-password' : 'new-password'}
        value={value}
        onInput={(e) => set(e.currentTarget.value)}
      />
    </>
  );
  return (
    <form
      aria-labelledby="passphrase-heading"
      onSubmit={(e) => {
        e.preventDefault();
        void save(false);
      }}
    >
      <h3 id="passphrase-heading">{t('optionsPassphrase')}</h3>
      <p data-testid="passphrase-state">{t(isProtected ? 'passphraseOn' : 'passphraseOff')}</p>
      {isProtected && field('passphrase-current', t('passphraseCurrent'), current, setCurrent)}
      {field('passphrase-new', t('passphraseNew'), next, setNext)}
      {field('passphrase-repeat', t('passphraseRepeat'), repeat, setRepeat)}
      <button type="submit" id="passphrase-save" disabled={next.length < 8 || next !== repeat}>
        {t(isProtected ? 'passphraseChange' : 'passphraseSet')}
      </button>
      {isProtected && (
        <button
          type="button"
          id="passphrase-remove"
          disabled={!current}
          onClick={() => void save(true)}
        >
          {t('passphraseRemove')}
        </button>
      )}
      <Notice notice={note} />
    </form>
  );
}
