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
