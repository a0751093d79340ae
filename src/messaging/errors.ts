import { Refusal, type RefusalCode } from '../core/refusal';

/** Every way a request between extension contexts can fail, as a closed set of codes. */
export const MESSAGING_ERROR_CODES = [
  'malformed-message', // not a Murmur envelope at all
  'unknown-channel',
  'unknown-type', // a channel we serve, but no such request
  'invalid-payload', // the request's payload failed its guard
  'forbidden', // the sender may not use this channel (e.g. a content script asking for status)
  'refused', // the handler refused what the user asked; `refusal` says why, in a code pages translate
  'handler-failed', // the handler threw; the message says why
  'unavailable', // nobody answered (context not running, network host gone)
  'timeout',
] as const;

export type MessagingErrorCode = (typeof MESSAGING_ERROR_CODES)[number];

export interface MessagingErrorData {
  code: MessagingErrorCode;
  message: string;
  /** With code `refused` only. */
  refusal?: RefusalCode;
}

export class MessagingError extends Error {
  override readonly name = 'MessagingError';
  constructor(
    readonly code: MessagingErrorCode,
    message: string,
    readonly refusal?: RefusalCode,
  ) {
    super(`${code}: ${message}`);
  }

  toData(): MessagingErrorData {
    const message = this.message.slice(this.code.length + 2);
    return this.refusal
      ? { code: this.code, message, refusal: this.refusal }
      : { code: this.code, message };
  }
}

/** What a handler's failure becomes on the wire: a refusal keeps its code, anything else is a bug. */
export function errorDataOf(error: unknown): MessagingErrorData {
  if (error instanceof MessagingError) return error.toData();
  if (error instanceof Refusal)
    return { code: 'refused', message: error.reason, refusal: error.code };
  return {
    code: 'handler-failed',
    message: error instanceof Error ? error.message : String(error),
  };
}
