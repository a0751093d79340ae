/** Why a session ended, as a closed set of codes (the same as the BYE frame's). */
import { CodedError } from '../coded-error';
import type { ByeCode } from './frames';

export class SessionError extends CodedError<ByeCode> {
  override readonly name = 'SessionError';
}
