/**
 * Options › Facebook cross-posting: off (the default), ask each time, or automatic to a
 * default audience; and, when Facebook changed under us, since when its composer is not
 * recognised.
 */
import { formatTime } from '../ui/dates';
import { useEffect, useState } from 'preact/hooks';
import type { CrosspostSettings } from '../messaging/settings';
import type { LastPostOutcome } from '../messaging/views';
import { background } from '../ui/background-client';
import { t } from '../ui/i18n';
import { Notice } from '../ui/notice';
import { useSubmit } from '../ui/use-submit';
import { LabelledRadio } from '../ui/labelled-radio';
import { useRequest } from '../ui/use-request';
import { errorText } from '../ui/error-text';
import type { Fingerprint } from '../core/identity/fingerprint';

const when = (ms: number) => formatTime(ms, 'medium');
const MODE_LABEL: Record<CrosspostSettings['mode'], string> = {
  off: 'crosspostOff',
  ask: 'crosspostAsk',
  auto: 'crosspostAuto',
};
const OUTCOME: Record<LastPostOutcome, string> = {
  shared: 'crosspostOutcomeShared',
  asking: 'crosspostOutcomeAsking',
  off: 'crosspostOutcomeOff',
  skipped: 'crosspostOutcomeSkipped',
  busy: 'crosspostOutcomeBusy',
};

export function CrosspostSection() {
  const [view, reload] = useRequest('crosspost.get', {}, ['settings']);
  const [friends] = useRequest('friends.list', {}, ['friends']);
  const [form, setForm] = useState<CrosspostSettings | null>(null);
  const save = useSubmit(
    async () => {
      if (!form) return;
      await background.request('crosspost.set', form);
      reload();
      return t('optionsSaved');
    },
    (e) => t('optionsInvalid', errorText(e)),
  );
  const loaded = view.kind === 'ready' ? view.value : null;
  useEffect(() => {
    if (loaded && !form) setForm({ mode: loaded.mode, audience: loaded.audience });
  }, [loaded, form]);
  if (!loaded || !form) return null;

  const chosen = form.audience === 'all-friends' ? null : form.audience;
  const toggleFriend = (fingerprint: Fingerprint, on: boolean) => {
    const rest = (chosen ?? []).filter((f) => f !== fingerprint);
    setForm({ ...form, audience: on ? [...rest, fingerprint] : rest });
  };
  return (
    <section aria-labelledby="crosspost-heading" id="crosspost">
      <h2 id="crosspost-heading">{t('optionsFacebook')}</h2>
      <p>{t('crosspostHelp')}</p>
      {loaded.unrecognised && (
        <p role="alert" class="error" data-testid="crosspost-unrecognised">
          {t('crosspostUnrecognised', when(loaded.unrecognised.since), loaded.unrecognised.reason)}
        </p>
      )}
      {loaded.lastPost && (
        <p class="muted" data-testid="crosspost-last-post">
          {t('crosspostLastPost', when(loaded.lastPost.at), t(OUTCOME[loaded.lastPost.outcome]))}
        </p>
      )}
      <form onSubmit={save.onSubmit}>
        <fieldset>
          <legend>{t('optionsFacebook')}</legend>
          {(['off', 'ask', 'auto'] as const).map((mode) => (
            <LabelledRadio
              key={mode}
              name="crosspost-mode"
              id={`crosspost-${mode}`}
              checked={form.mode === mode}
              onSelect={() => setForm({ ...form, mode })}
            >
              {t(MODE_LABEL[mode])}
            </LabelledRadio>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('crosspostAudienceLabel')}</legend>
          <LabelledRadio
            name="crosspost-audience"
            id="crosspost-audience-all"
            checked={chosen === null}
            onSelect={() => setForm({ ...form, audience: 'all-friends' })}
          >
            {t('crosspostAudienceAll')}
          </LabelledRadio>
          <LabelledRadio
            name="crosspost-audience"
            id="crosspost-audience-chosen"
            checked={chosen !== null}
            onSelect={() => setForm({ ...form, audience: [] })}
          >
            {t('crosspostAudienceChosen')}
          </LabelledRadio>
          {chosen !== null &&
            friends.kind === 'ready' &&
            friends.value.map((f) => (
              <label key={f.fingerprint} class="indent">
                <input
                  type="checkbox"
                  checked={chosen.includes(f.fingerprint)}
                  onChange={(e) => toggleFriend(f.fingerprint, e.currentTarget.checked)}
                />{' '}
                {f.displayName}
              </label>
            ))}
        </fieldset>
        <button type="submit" id="crosspost-save" disabled={save.busy}>
          {t('optionsSave')}
        </button>
        <Notice notice={save.notice} />
      </form>
    </section>
  );
}
