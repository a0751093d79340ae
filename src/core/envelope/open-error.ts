/** Why an envelope could not be opened: every failure of open() is one of these. */
import { CodedError } from '../coded-error';

export type OpenErrorCode =
  | 'not-for-me'
  | 'unknown-sender'
  | 'bad-signature'
  | 'malformed'
  | 'too-large'
  | 'expired'
  | 'unsupported-version';

export class OpenError extends CodedError<OpenErrorCode> {
  override readonly name = 'OpenError';
}
