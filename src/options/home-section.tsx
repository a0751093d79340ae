/**
 * Options › Murmur home: how to start one, pairing with it by its link, whether it is online,
 * and forgetting it. A home carries your sealed messages while your browsers are closed; it
 * has a key of its own and cannot read them.
 */
import { useState } from 'preact/hooks';
import type { HomeView } from '../messaging/views';
import { background } from '../ui/background-client';
import { Field } from '../ui/field';
import { t } from '../ui/i18n';
import { Notice } from '../ui/notice';
import { useRequest } from '../ui/use-request';
import { useSubmit } from '../ui/use-submit';
import { When } from '../ui/when';

const START_COMMAND = 'npm run home -- --data ~/murmur-home --tracker wss://…';

function PairForm({ paired }: { paired: () => void }) {
  const [link, setLink] = useState('');
  const pair = useSubmit(async () => {
    await background.request('home.pair', { link });
    setLink('');
    paired();
    return t('homePairAsked');
  });
  return (
    <form onSubmit={pair.onSubmit}>
      <p class="muted">{t('homeHowToStart')}</p>
      <pre>
        <code>{START_COMMAND}</code>
      </pre>
      <Field id="home-link" label={t('homeLinkLabel')} value={link} onInput={setLink} rows={3} />
      <button type="submit" disabled={pair.busy || link.trim() === ''}>
        {t('homePair')}
      </button>
      <Notice notice={pair.notice} />
    </form>
  );
}

function PairedHome({ home, forgotten }: { home: HomeView; forgotten: (said: string) => void }) {
  const unpair = useSubmit(async () => {
    const { homeForgotUs } = await background.request('home.unpair', {});
    forgotten(homeForgotUs ? t('homeForgotUs') : t('homeNotTold'));
  });
  const state =
    home.state === 'pairing'
      ? t('homeStatePairing')
      : home.linked
        ? t('homeOnline')
        : t('homeOffline');
  return (
    <>
      <p data-testid="home-state">
        {t('homeNamed', home.displayName)} — {state}
      </p>
      {!home.linked && home.lastSeenAt !== null && (
        <p data-testid="home-last-seen">
          {t('homeLastSeen')} <When ms={home.lastSeenAt} />
        </p>
      )}
      {home.carryingForFriends > 0 && (
        <p data-testid="home-carrying">
          {t('homeCarryingForFriends', String(home.carryingForFriends))}
        </p>
      )}
      <button type="button" onClick={() => unpair.run()} disabled={unpair.busy}>
        {t('homeUnpair')}
      </button>
      <Notice notice={unpair.notice} />
    </>
  );
}

export function HomeSection() {
  const [home, reload] = useRequest('home.get', {}, ['friends']);
  const [farewell, setFarewell] = useState<string | null>(null);
  const forgotten = (said: string) => {
    setFarewell(said);
    reload();
  };
  return (
    <section aria-labelledby="home-heading">
      <h2 id="home-heading">{t('optionsHome')}</h2>
      <p class="muted">{t('optionsHomeHelp')}</p>
      {farewell && <p role="status">{farewell}</p>}
      {home.kind === 'ready' && home.value ? (
        <PairedHome home={home.value} forgotten={forgotten} />
      ) : home.kind === 'ready' ? (
        <PairForm paired={reload} />
      ) : (
        <p role="status">{home.kind === 'error' ? home.message : t('statusLoading')}</p>
      )}
    </section>
  );
}
