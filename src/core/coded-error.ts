/**
 * The shape of every typed error in the core: a code from a closed set, and a reason for logs.
 * Callers branch on `code`; `reason` is for people.
 */
export abstract class CodedError<Code extends string> extends Error {
  constructor(
    readonly code: Code,
    readonly reason: string,
  ) {
    super(`${code}: ${reason}`);
  }
}
