/** The toolbar popup. For now: what Murmur is doing (background, network host, tracker). */
import { render } from 'preact';
import { t } from '../ui/i18n';
import { StatusView } from '../ui/status-view';
import { useStatus } from '../ui/use-status';

function Popup() {
  const state = useStatus();
  return (
    <main class="popup">
      <h1>{t('extName')}</h1>
      {state.kind === 'loading' && <p role="status">{t('statusLoading')}</p>}
      {state.kind === 'error' && (
        <p role="alert" class="error" data-testid="status-error">
          {t('statusError', state.message)}
        </p>
      )}
      {state.kind === 'ready' && <StatusView status={state.status} />}
    </main>
  );
}

render(<Popup />, document.getElementById('app')!);
