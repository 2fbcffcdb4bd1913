/**
 * A tiny FIFO async mutex. Kuzu admits one write transaction at a time per database; callers queue
 * here instead of failing with "Cannot start a new write transaction".
 */
export class Mutex {
  private tail: Promise<void> = Promise.resolve();

  /** Run `fn` when every earlier holder has finished; the lock is released even if `fn` throws. */
  async run<T>(fn: () => Promise<T>): Promise<T> {
    let release!: () => void;
    const next = new Promise<void>((r) => {
      release = r;
    });
    const prev = this.tail;
    this.tail = prev.then(() => next);
    await prev;
    try {
      return await fn();
    } finally {
      release();
    }
  }
}
