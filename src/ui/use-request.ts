/**
 * Asks the background for something, and asks again whenever the background says one of
 * `topics` changed (pushed over the updates port; nothing polls). `reload` asks at once.
 * One question is in flight at a time: notes that arrive meanwhile make one more. An answer
 * to the same question asked as the page's script started (early-answers.ts) is shown until the
 * component's own answer comes, never instead of it — something may have changed before the
 * component listened for changes, or the early question came too soon (before the user had an
 * identity).
 * An answer the same as the one on screen (the usual case after an early answer, or after a note
 * about a friend's tracker retrying) changes nothing: the view is not built again.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { UpdateTopic } from '../messaging/page-updates';
import type { RequestOf, ResponseOf } from '../messaging/request-map';
import type { UiRequests } from '../messaging/ui-requests';
import { background } from './background-client';
import { errorText } from './error-text';
import { onUpdate } from './page-updates';
import { takeEarly } from './early-answers';

export type Loaded<T> =
  { kind: 'loading' } | { kind: 'ready'; value: T } | { kind: 'error'; message: string };

export function useRequest<K extends keyof UiRequests & string>(
  type: K,
  payload: RequestOf<UiRequests, K>,
  topics: readonly UpdateTopic[],
): [Loaded<ResponseOf<UiRequests, K>>, () => void] {
  /** The early answer, shown by the first mount only. */
  const [early] = useState(() => takeEarly(type, payload));
  const placeholder = useRef(early);
  const [state, setState] = useState<Loaded<ResponseOf<UiRequests, K>>>({ kind: 'loading' });
  const key = JSON.stringify(payload);
  const topicsKey = topics.join(' ');
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  useEffect(() => {
    let alive = true;
    let asking = false;
    let again = false;
    const shown = placeholder.current;
    placeholder.current = null;
    /** The answer on screen, as the background sent it (JSON), to see when a new one is the same. */
    let shownText: string | null = null;
    const show = (value: ResponseOf<UiRequests, K>) => {
      const text = JSON.stringify(value);
      if (text === shownText) return;
      shownText = text;
      setState({ kind: 'ready', value });
    };
    let answered = false;
    shown?.then(
      (value) => alive && !answered && show(value),
      () => undefined, // the component's own question reports what went wrong
    );
    const askOnce = async () => {
      try {
        const value = await background.request(type, JSON.parse(key) as RequestOf<UiRequests, K>);
        answered = true;
        if (alive) show(value);
      } catch (error) {
        answered = true;
        shownText = null;
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
