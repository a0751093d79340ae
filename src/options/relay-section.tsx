/** Options › Relay: how much Murmur carries for friends, and how much it carries now. */
import { useEffect, useState } from 'preact/hooks';
import { background } from '../ui/background-client';
import { t } from '../ui/i18n';
import { Notice } from '../ui/notice';
import { useSubmit } from '../ui/use-submit';
import { useRequest } from '../ui/use-request';
import { errorText } from '../ui/error-text';

const MB = 1024 * 1024;

export function RelaySection() {
  const [relay, reload] = useRequest('relay.get', {}, ['relay']);
  const [form, setForm] = useState({ maxKb: '', days: '', quotaMb: '' });
  const save = useSubmit(
    async () => {
      await background.request('relay.set', {
        maxMessageBytes: Number(form.maxKb) * 1024,
        maxHoldSeconds: Number(form.days) * 86400,
        quotaBytes: Number(form.quotaMb) * MB,
      });
      reload();
      return t('optionsSaved');
    },
    (e) => t('optionsInvalid', errorText(e)),
  );
  const loaded = relay.kind === 'ready' ? relay.value : null;
  useEffect(() => {
    if (loaded && form.maxKb === '')
      setForm({
        maxKb: String(Math.round(loaded.maxMessageBytes / 1024)),
        days: String(Math.round(loaded.maxHoldSeconds / 86400)),
        quotaMb: String(Math.round(loaded.quotaBytes / MB)),
      });
  }, [loaded, form.maxKb]);

  const field = (id: keyof typeof form, label: string) => (
    <>
      <label for={`relay-${id}`}>{label}</label>
      <input
        id={`relay-${id}`}
        type="number"
        min="1"
        value={form[id]}
        onInput={(e) => setForm({ ...form, [id]: e.currentTarget.value })}
      />
    </>
  );
  return (
    <form onSubmit={save.onSubmit} aria-labelledby="relay-heading">
      <h2 id="relay-heading">{t('optionsRelay')}</h2>
      <p class="muted">{t('optionsRelayHelp')}</p>
      {field('maxKb', t('relayMaxKb'))}
      {field('days', t('relayDays'))}
      {field('quotaMb', t('relayQuotaMb'))}
      {loaded && (
        <p data-testid="relay-used">
          {t(
            'relayUsed',
            (loaded.usedBytes / MB).toFixed(1),
            String(Math.round(loaded.quotaBytes / MB)),
          )}
        </p>
      )}
      <button type="submit" disabled={save.busy || !loaded}>
        {t('optionsSave')}
      </button>
      <Notice notice={save.notice} />
    </form>
  );
}
