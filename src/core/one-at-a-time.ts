/**
 * Runs pieces of async work one after another, each starting once the one before has settled.
 * For read-change-write work on shared records from sources that run side by side (a node's
 * sessions): two such pieces interleaved at their awaits, and the second write put back what
 * the first one had changed.
 */
export class OneAtATime {
  /** Settles when the last piece queued has; never rejects (each caller hears its own failure). */
  private last: Promise<void> = Promise.resolve();

  run<T>(work: () => Promise<T>): Promise<T> {
    const result = this.last.then(work);
    this.last = result.then(
      () => undefined,
      // The caller of `work` gets its error from `result`; the queue only keeps the order.
      () => undefined,
    );
    return result;
  }
}
