/** Why a session ended, as a closed set of codes (the same as the BYE frame's). */
import { DecodeError } from '../codec/decode-error';
import { CodedError } from '../coded-error';
import { decodeFrame, type ByeCode, type Frame } from './frames';

export class SessionError extends CodedError<ByeCode> {
  override readonly name = 'SessionError';
}

/** A frame from the peer, or the session error that ends the session (the peer hears why). */
export function decodeSessionFrame(bytes: Uint8Array): Frame {
  try {
    return decodeFrame(bytes);
  } catch (error) {
    if (!(error instanceof DecodeError)) throw error;
    const code =
      error.code === 'too-large' || error.code === 'unsupported-version' ? error.code : 'malformed';
    throw new SessionError(code, error.reason);
  }
}

/**
 * The error a session ends with. A typed error is the peer's doing (or its channel's); anything
 * else is ours to look at: the session still ends as a protocol error, and the error is kept in
 * the console (`npm run fuzz` counts those as crashes).
 */
export function sessionErrorOf(error: unknown): SessionError {
  if (error instanceof SessionError) return error;
  if (!(error instanceof CodedError))
    console.error('Murmur: a sync session ended on an unexpected error', error);
  return new SessionError('protocol', error instanceof Error ? error.message : String(error));
}
