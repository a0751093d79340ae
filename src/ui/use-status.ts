/** Polls the background's status while a page is open, so the view follows reconnects. */
import { useEffect, useState } from 'preact/hooks';
import type { BackgroundStatus } from '../messaging/status';
import { background } from './background-client';

export type StatusState =
  | { kind: 'loading' }
  | { kind: 'ready'; status: BackgroundStatus }
  | { kind: 'error'; message: string };

export function useStatus(intervalMs = 1000): StatusState {
  const [state, setState] = useState<StatusState>({ kind: 'loading' });
  useEffect(() => {
    let alive = true;
    const poll = async () => {
      try {
        const status = await background.request('status', {});
        if (alive) setState({ kind: 'ready', status });
      } catch (error) {
        if (alive) setState({ kind: 'error', message: String(error) });
      }
    };
    void poll();
    const timer = setInterval(() => void poll(), intervalMs);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, [intervalMs]);
  return state;
}
