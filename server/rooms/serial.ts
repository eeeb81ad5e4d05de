/**
 * Runs a room's jobs one at a time, in the order they were queued, each to its end even when
 * it awaits the store. Nothing can apply a command between a patch job's log write and the
 * patch it sends after it, so screens see only what is written, in the order it was applied.
 */
export class Serial {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(job: () => T | Promise<T>): Promise<T> {
    const result = this.tail.then(job);
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Settles once every job queued so far has finished. */
  async idle(): Promise<void> {
    await this.tail;
  }
}
