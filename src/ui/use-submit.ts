/**
 * One form's submit, the same everywhere: the page's own submit is prevented, the form is busy
 * while the action runs (a second submit meanwhile does nothing), and then it says how it went —
 * what the action returned when it worked (or nothing), why not when it failed.
 */
import { useState } from 'preact/hooks';
import { errorText } from './error-text';
import type { NoticeState } from './notice';

export type SubmitState =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'done'; said: string | null }
  | { kind: 'failed'; why: string };

export interface Submit<A extends unknown[] = []> {
  state: SubmitState;
  busy: boolean;
  /** For `<form onSubmit>`: the action with no arguments. */
  onSubmit: (event: Event) => void;
  /** Runs the action without a form event (a button, perhaps with what it chose). */
  run: (...args: A) => void;
  /** The line under the form (ui/notice.tsx), or null. */
  notice: NoticeState | null;
}

function noticeOf(state: SubmitState): NoticeState | null {
  if (state.kind === 'failed') return { ok: false, text: state.why };
  if (state.kind === 'done' && state.said !== null) return { ok: true, text: state.said };
  return null;
}

/**
 * `action` returns what to say when it worked (void: nothing). `failure` words an error
 * (default: errorText).
 */
export function useSubmit<A extends unknown[] = []>(
  action: (...args: A) => Promise<string | void>,
  failure: (error: unknown) => string = errorText,
): Submit<A> {
  const [state, setState] = useState<SubmitState>({ kind: 'idle' });
  const run = (...args: A) => {
    if (state.kind === 'busy') return;
    setState({ kind: 'busy' });
    action(...args).then(
      (said) => setState({ kind: 'done', said: said ?? null }),
      (error: unknown) => setState({ kind: 'failed', why: failure(error) }),
    );
  };
  const onSubmit = (event: Event) => {
    event.preventDefault();
    // A form's submit is the action as it is: one that wants arguments is run by its buttons.
    run(...([] as unknown[] as A));
  };
  return { state, busy: state.kind === 'busy', onSubmit, run, notice: noticeOf(state) };
}
