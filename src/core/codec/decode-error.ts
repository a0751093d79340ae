/** The one error every Murmur decoder throws or returns: typed, with a reason for logs. */
import { CodedError } from '../coded-error';
export type DecodeErrorCode = 'malformed' | 'too-large' | 'unsupported-version' | 'bad-checksum';

export class DecodeError extends CodedError<DecodeErrorCode> {
  override readonly name = 'DecodeError';
}

export type Decoded<T> = { ok: true; value: T } | { ok: false; error: DecodeError };

/** Runs a throwing decoder and returns its result; only DecodeError is expected. */
export function decodeWith<T>(decode: () => T): Decoded<T> {
  try {
    return { ok: true, value: decode() };
  } catch (error) {
    if (error instanceof DecodeError) return { ok: false, error };
    // A bug, not bad input: surface it as malformed rather than crash the caller,
    // but keep the original for debugging.
    return {
      ok: false,
      error: new DecodeError(
        'malformed',
        `unexpected ${error instanceof Error ? error.name : 'error'}`,
      ),
    };
  }
}
