/** Options › Network › "Test my connection": what each tracker, its STUN and its TURN say. */
import { useState } from 'preact/hooks';
import type { ConnectionTestResult, TrackerTestResult } from '../messaging/status';
import { background } from '../ui/background-client';
import { t } from '../ui/i18n';
import { errorText } from '../ui/error-text';

type TestState =
  | { kind: 'idle' }
  | { kind: 'testing' }
  | { kind: 'done'; result: ConnectionTestResult }
  | { kind: 'failed'; error: string };

export function ConnectionTest() {
  const [state, setState] = useState<TestState>({ kind: 'idle' });
  const [runs, setRuns] = useState(0);
  const run = async () => {
    setState({ kind: 'testing' });
    try {
      setState({ kind: 'done', result: await background.request('network.test', {}) });
    } catch (error) {
      setState({ kind: 'failed', error: errorText(error) });
    }
    setRuns((n) => n + 1);
  };
  return (
    <div class="connection-test" data-runs={runs}>
      <button type="button" onClick={() => void run()} disabled={state.kind === 'testing'}>
        {t('optionsTestConnection')}
      </button>
      <div role="status" aria-live="polite">
        {state.kind === 'testing' && <p>{t('optionsTesting')}</p>}
        {state.kind === 'failed' && <p class="error">{state.error}</p>}
        {state.kind === 'done' && (
          <ul class="list" data-testid="connection-test">
            {state.result.trackers.map((tracker) => (
              <li key={tracker.url}>
                {linesOf(tracker).map((line) => (
                  <p key={line}>{line}</p>
                ))}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

function linesOf(tracker: TrackerTestResult): string[] {
  if (!tracker.registered) return [t('testTrackerDown', tracker.url, tracker.error ?? '?')];
  const lines = [t('testTrackerRegistered', tracker.url)];
  if (tracker.publicAddress) {
    lines.push(t('testPublicAddress', tracker.publicAddress));
    lines.push(tracker.behindNat ? t('testBehindNat') : t('testNoNat'));
  } else lines.push(t('testNoStun'));
  lines.push(
    tracker.turn === 'works'
      ? t('testTurnWorks')
      : tracker.turn === 'fails'
        ? t('testTurnFails')
        : t('testTurnNone'),
  );
  return lines;
}
