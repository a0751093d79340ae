/**
 * One named step of a long browser flow: a failure says which step it was, with the original
 * error as its cause, instead of only a timeout deep inside a helper.
 */
export async function step<T>(name: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`step "${name}" failed: ${reason}`, { cause: error });
  }
}
