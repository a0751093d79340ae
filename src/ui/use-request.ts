/**
 * Asks the background for something, and asks again whenever the background says one of
 * `topics` changed (pushed over the updates port; nothing polls). `reload` asks at once.
 * One question is in flight at a time: notes that arrive meanwhile make one more.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { UpdateTopic } from '../messaging/page-updates';
import type { RequestOf, ResponseOf } from '../messaging/request-map';
import type { UiRequests } from '../messaging/ui-requests';
import { background } from './background-client';
import { errorText } from './error-text';
import { onUpdate } from './page-updates';

export type Loaded<T> =
  { kind: 'loading' } | { kind: 'ready'; value: T } | { kind: 'error'; message: string };

export function useRequest<K extends keyof UiRequests & string>(
  type: K,
  payload: RequestOf<UiRequests, K>,
  topics: readonly UpdateTopic[],
): [Loaded<ResponseOf<UiRequests, K>>, () => void] {
  const [state, setState] = useState<Loaded<ResponseOf<UiRequests, K>>>({ kind: 'loading' });
  const key = JSON.stringify(payload);
  const topicsKey = topics.join(' ');
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  useEffect(() => {
    let alive = true;
    let asking = false;
    let again = false;
    const askOnce = async () => {
      try {
        const value = await background.request(type, JSON.parse(key) as RequestOf<UiRequests, K>);
        if (alive) setState({ kind: 'ready', value });
      } catch (error) {
        if (alive) setState({ kind: 'error', message: errorText(error) });
      }
    };
    const ask = async () => {
      if (asking) {
        again = true;
        return;
      }
      asking = true;
      do {
        again = false;
        await askOnce();
      } while (again && alive);
      asking = false;
    };
    void ask();
    const stop = topicsKey
      ? onUpdate(topicsKey.split(' ') as UpdateTopic[], () => void ask())
      : null;
    return () => {
      alive = false;
      stop?.();
    };
  }, [type, key, topicsKey, tick]);
  return [state, reload];
}
