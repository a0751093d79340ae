/**
 * The wire shape of every message between Murmur's contexts, and of every reply.
 * `murmur: 1` tells our messages apart from anything else on runtime messaging.
 */
import { isLiteral, isObject, isOptional, isString, type Guard } from '../core/guard';
import { REFUSAL_CODES } from '../core/refusal';
import { MESSAGING_ERROR_CODES, type MessagingErrorData } from './errors';

export const CHANNELS = ['ui', 'content', 'invite', 'host', 'link'] as const;
/**
 * ui: popup/options → background. content: Facebook content script → background (untrusted).
 * invite: invite-page content script → background (untrusted).
 * host: background → network host (offscreen document on Chromium).
 * link: network host → background (data channels to friends opening, frames, closing).
 */
export type Channel = (typeof CHANNELS)[number];

export interface RequestEnvelope {
  murmur: 1;
  channel: string;
  type: string;
  payload: unknown;
}

export type Reply<T> =
  { murmur: 1; ok: true; value: T } | { murmur: 1; ok: false; error: MessagingErrorData };

export const isRequestEnvelope: Guard<RequestEnvelope> = (input, path) => {
  const r = isObject({
    murmur: isLiteral(1),
    channel: isString({ max: 32 }),
    type: isString({ max: 64 }),
    payload: (v) => ({ ok: true, value: v }),
  })(input, path);
  return r.ok ? { ok: true, value: r.value as RequestEnvelope } : r;
};

const isErrorData: Guard<MessagingErrorData> = isObject({
  code: isLiteral(...MESSAGING_ERROR_CODES),
  message: isString({ max: 4096 }),
  refusal: isOptional(isLiteral(...REFUSAL_CODES)),
});

export const isReply: Guard<Reply<unknown>> = (input) => {
  if (typeof input !== 'object' || input === null) return { ok: false, reason: 'not an object' };
  const r = input as Record<string, unknown>;
  if (r.murmur !== 1) return { ok: false, reason: 'not a Murmur reply' };
  if (r.ok === true) return { ok: true, value: { murmur: 1, ok: true, value: r.value } };
  if (r.ok === false) {
    const e = isErrorData(r.error, 'error');
    return e.ok ? { ok: true, value: { murmur: 1, ok: false, error: e.value } } : e;
  }
  return { ok: false, reason: 'reply has no ok flag' };
};

export const replyOk = <T>(value: T): Reply<T> => ({ murmur: 1, ok: true, value });
export const replyError = (error: MessagingErrorData): Reply<never> => ({
  murmur: 1,
  ok: false,
  error,
});
