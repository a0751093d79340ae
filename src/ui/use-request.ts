/**
 * Asks the background for something and asks again every `everyMs` while the page is open,
 * so lists follow what arrives (friends coming online, new messages). `reload` asks at once.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { RequestOf, ResponseOf } from '../messaging/request-map';
import type { UiRequests } from '../messaging/ui-requests';
import { background } from './background-client';

export type Loaded<T> =
  { kind: 'loading' } | { kind: 'ready'; value: T } | { kind: 'error'; message: string };

export function useRequest<K extends keyof UiRequests & string>(
  type: K,
  payload: RequestOf<UiRequests, K>,
  everyMs = 1500,
): [Loaded<ResponseOf<UiRequests, K>>, () => void] {
  const [state, setState] = useState<Loaded<ResponseOf<UiRequests, K>>>({ kind: 'loading' });
  const key = JSON.stringify(payload);
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  useEffect(() => {
    let alive = true;
    const ask = async () => {
      try {
        const value = await background.request(type, JSON.parse(key) as RequestOf<UiRequests, K>);
        if (alive) setState({ kind: 'ready', value });
      } catch (error) {
        if (alive) setState({ kind: 'error', message: String(error) });
      }
    };
    void ask();
    const timer = everyMs > 0 ? setInterval(() => void ask(), everyMs) : null;
    return () => {
      alive = false;
      if (timer) clearInterval(timer);
    };
  }, [type, key, everyMs, tick]);
  return [state, reload];
}
