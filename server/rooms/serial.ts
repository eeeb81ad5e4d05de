/**
 * Runs a room's jobs one at a time, in the order they were queued. A command's log append
 * is awaited inside its job, so the next command is applied only once the previous one is
 * durable and projected: the log order is the order players saw.
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
