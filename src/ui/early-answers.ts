/**
 * Questions a page asks as its script starts, before any screen exists, for what its first
 * screen shows (the feed's newest posts; in the full tab, the friends list beside them): the
 * background answers them while the page finds out who the user is. The first screen that asks
 * the same question shows the early answer until its own comes (use-request.ts).
 */
import type { RequestOf, ResponseOf } from '../messaging/request-map';
import type { UiRequests } from '../messaging/ui-requests';
import { background } from './background-client';

const asked = new Map<string, Promise<unknown>>();

const keyOf = (type: string, payload: unknown) => `${type} ${JSON.stringify(payload)}`;

export function askEarly<K extends keyof UiRequests & string>(
  type: K,
  payload: RequestOf<UiRequests, K>,
): void {
  const answer = background.request(type, payload);
  // Whoever takes it handles its failure; nobody may (the first run shows no feed).
  // Whoever takes the answer awaits this same promise and sees its failure; this only keeps
  // an answer nobody took from being an unhandled rejection.
  answer.catch(() => undefined);
  asked.set(keyOf(type, payload), answer);
}

/** The early answer to this question, once: later screens ask for themselves. */
export function takeEarly<K extends keyof UiRequests & string>(
  type: K,
  payload: RequestOf<UiRequests, K>,
): Promise<ResponseOf<UiRequests, K>> | null {
  const key = keyOf(type, payload);
  const answer = asked.get(key);
  asked.delete(key);
  // Stored under its own question's key, so it is that question's answer.
  return (answer as Promise<ResponseOf<UiRequests, K>> | undefined) ?? null;
}
