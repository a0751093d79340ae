/** Every way a request between extension contexts can fail, as a closed set of codes. */
export const MESSAGING_ERROR_CODES = [
  'malformed-message', // not a Murmur envelope at all
  'unknown-channel',
  'unknown-type', // a channel we serve, but no such request
  'invalid-payload', // the request's payload failed its guard
  'forbidden', // the sender may not use this channel (e.g. a content script asking for status)
  'handler-failed', // the handler threw; the message says why
  'unavailable', // nobody answered (context not running, network host gone)
  'timeout',
] as const;

export type MessagingErrorCode = (typeof MESSAGING_ERROR_CODES)[number];

export interface MessagingErrorData {
  code: MessagingErrorCode;
  message: string;
}

export class MessagingError extends Error {
  override readonly name = 'MessagingError';
  constructor(
    readonly code: MessagingErrorCode,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }

  toData(): MessagingErrorData {
    return { code: this.code, message: this.message.slice(this.code.length + 2) };
  }
}
