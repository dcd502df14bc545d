import { ClientClosedError } from '../errors.js';

/**
 * Tracks calls in flight so that `close()` can let them finish, and refuses calls after close.
 */
export class Lifecycle {
  private closed = false;
  private readonly inFlight = new Set<Promise<unknown>>();
  private closing: Promise<void> | undefined;

  get isClosed(): boolean {
    return this.closed;
  }

  /** Runs `work` as one tracked call; rejects with ClientClosedError once the client is closed. */
  run<T>(work: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new ClientClosedError('The client is closed'));
    const call = work();
    this.inFlight.add(call);
    const forget = (): void => {
      this.inFlight.delete(call);
    };
    call.then(forget, forget);
    return call;
  }

  /** Marks the client closed, waits for in-flight calls to settle, then runs `release` once. */
  close(release: () => Promise<void>): Promise<void> {
    if (this.closing) return this.closing;
    this.closed = true;
    this.closing = (async () => {
      while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
      await release();
    })();
    return this.closing;
  }
}
