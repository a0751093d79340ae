/**
 * Friend requests: who asked, in their own words, the friends the user shares with them and the
 * safety number to compare before trusting their key — accept or decline (or leave it).
 */
import { inCommonText } from '../ui/in-common-text';
import type { RequestView } from '../messaging/views';
import { background } from '../ui/background-client';
import { t } from '../ui/i18n';
import { useRequest } from '../ui/use-request';

export function RequestsView({ onAnswered }: { onAnswered: () => void }) {
  const [requests, reload] = useRequest('requests.list', {}, ['requests']);
  if (requests.kind !== 'ready' || requests.value.length === 0) return null;
  const answer = async (request: RequestView, accept: boolean) => {
    await background.request('requests.answer', { id: request.id, accept });
    reload();
    onAnswered();
  };
  return (
    <section aria-labelledby="requests-heading" data-testid="requests">
      <h3 id="requests-heading">{t('requestsTitle')}</h3>
      <ul class="list">
        {requests.value.map((r) => (
          <li key={r.id} class="item" data-request-id={r.id}>
            <strong>{r.displayName}</strong>
            {r.nameClash && (
              <p class="warning warning-mark" data-testid="name-clash">
                {t('nameClashNew', r.displayName)}
              </p>
            )}
            {r.introduction && <p class="text">{r.introduction}</p>}
            <p class="muted" data-testid="request-mutual">
              {inCommonText(r.inCommon, r.displayName)}
            </p>
            {r.safetyNumber && (
              <div class="safety-check" data-testid="request-safety">
                <p class="safety-number">{r.safetyNumber}</p>
                <p class="muted">{t('safetyCompare', r.displayName)}</p>
              </div>
            )}
            <div class="row">
              <button type="button" data-action="accept" onClick={() => void answer(r, true)}>
                {t('accept')}
              </button>
              <button type="button" data-action="decline" onClick={() => void answer(r, false)}>
                {t('decline')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
