/** Why a session ended, as a closed set of codes (the same as the BYE frame's). */
import type { ByeCode } from './frames';

export class SessionError extends Error {
  override readonly name = 'SessionError';
  constructor(
    readonly code: ByeCode,
    readonly reason: string,
  ) {
    super(`${code}: ${reason}`);
  }
}
