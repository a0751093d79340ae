/**
 * First run, the first two of three short steps: your name and picture; then an optional
 * passphrase, explained, and "Start Murmur" — and an identity exists. (The third, inviting a
 * friend, is welcome-invite.tsx: it needs the identity this creates.)
 */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { ThumbnailData } from '../core/messages/thumbnail-data';
import { background } from '../ui/background-client';
import { t } from '../ui/i18n';
import { Notice } from '../ui/notice';
import { useSubmit, type Submit } from '../ui/use-submit';
import { Field } from '../ui/field';
import { AVATAR_SIDE, filesOf, thumbnailOf } from '../ui/thumbnails';
import { Avatar } from '../ui/avatar';
import { useFocusOnMount } from '../ui/focus-on-mount';

type Step = 'name' | 'passphrase';

export function FirstRun({ onDone }: { onDone: () => void }) {
  const [step, setStep] = useState<Step>('name');
  const [name, setName] = useState('');
  const [picture, setPicture] = useState<ThumbnailData | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const start = useSubmit(async () => {
    const displayName = name.trim();
    await background.request(
      'identity.create',
      passphrase ? { displayName, passphrase } : { displayName },
    );
    if (picture)
      await background.request('profile.set', { name: displayName, status: '', avatar: picture });
    onDone();
  });

  if (step === 'name')
    return (
      <NameStep
        name={name}
        picture={picture}
        onName={setName}
        onPicture={setPicture}
        onNext={() => setStep('passphrase')}
      />
    );
  return (
    <PassphraseStep
      passphrase={passphrase}
      onPassphrase={setPassphrase}
      start={start}
      onBack={() => setStep('name')}
    />
  );
}

interface PassphraseStepProps {
  passphrase: string;
  onPassphrase: (passphrase: string) => void;
  start: Submit;
  onBack: () => void;
}

/** Step 2: a passphrase, or none — what each means, said before the choice. */
function PassphraseStep(props: PassphraseStepProps) {
  const { passphrase, onPassphrase, start, onBack } = props;
  const { busy } = start;
  const passphraseField = useFocusOnMount<HTMLInputElement>();
  return (
    <form onSubmit={start.onSubmit} class="card" aria-labelledby="lock-heading">
      <p class="muted">{t('firstRunStep', '2', '3')}</p>
      <h2 id="lock-heading">{t('firstRunLockTitle')}</h2>
      <p id="first-passphrase-help">{t('firstRunPassphraseHelp')}</p>
      <Field
        id="first-passphrase"
        label={t('firstRunPassphrase')}
        password
        autoComplete="new-password"
        inputRef={passphraseField}
        describedBy="first-passphrase-help"
        value={passphrase}
        onInput={onPassphrase}
      />
      <div class="row">
        <button type="submit" class="primary" disabled={busy}>
          {busy ? t('firstRunCreating') : t('firstRunStart')}
        </button>
        <button type="button" disabled={busy} onClick={onBack}>
          {t('back')}
        </button>
      </div>
      <Notice notice={start.notice} />
    </form>
  );
}

interface NameStepProps {
  name: string;
  picture: ThumbnailData | null;
  onName: (name: string) => void;
  onPicture: (picture: ThumbnailData | null) => void;
  onNext: () => void;
}

/** Step 1: the name friends will see, and a picture if they like (kept small, as in Options). */
function NameStep({ name, picture, onName, onPicture, onNext }: NameStepProps) {
  const [trackers, setTrackers] = useState<string[]>([]);
  const nameField = useFocusOnMount<HTMLInputElement>();
  useEffect(() => {
    void background
      .request('settings.network.get', {})
      .then((settings) => setTrackers(settings.trackers))
      // The line naming the tracker is left out; the first run goes on without it.
      .catch(() => undefined);
  }, []);
  const pick = async (input: HTMLInputElement) => {
    const [file] = filesOf([input]);
    input.value = '';
    if (file) onPicture(await thumbnailOf(file, AVATAR_SIDE));
  };
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (name.trim()) onNext();
      }}
      class="card"
      aria-labelledby="welcome-heading"
    >
      <p class="muted">{t('firstRunStep', '1', '3')}</p>
      <h2 id="welcome-heading">{t('firstRunTitle')}</h2>
      <p>{t('firstRunIntro')}</p>
      <Field
        id="display-name"
        label={t('firstRunName')}
        value={name}
        maxLength={64}
        required
        inputRef={nameField}
        onInput={onName}
      />
      <label for="first-picture">{t('firstRunPicture')}</label>
      <div class="row">
        {picture && <Avatar fingerprint="" name={name} picture={picture} />}
        <input
          id="first-picture"
          type="file"
          accept="image/*"
          onChange={(e) => void pick(e.currentTarget)}
        />
      </div>
      {trackers.length > 0 && (
        <p class="muted" data-testid="first-run-tracker">
          {t('firstRunTracker', trackers.join(', '))}{' '}
          <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
            {t('firstRunChangeTracker')}
          </button>
        </p>
      )}
      <button type="submit" class="primary" disabled={!name.trim()}>
        {t('firstRunNext')}
      </button>
    </form>
  );
}
