import { ClientClosedError } from '../errors.js';

/**
 * Counts calls in flight so that `close()` can let them finish, and refuses calls after close.
 * (A counter and one settle handler made once: this runs on every call, cache hits included.)
 */
export class Lifecycle {
  #closed = false;
  #active = 0;
  #drained: (() => void) | undefined;
  #closing: Promise<void> | undefined;
  readonly #settled = (): void => {
    this.#active -= 1;
    if (this.#active === 0) this.#drained?.();
  };

  get isClosed(): boolean {
    return this.#closed;
  }

  /** Runs `work` as one tracked call; rejects with ClientClosedError once the client is closed. */
  run<T>(work: () => Promise<T>): Promise<T> {
    if (this.#closed) return Promise.reject(new ClientClosedError('The client is closed'));
    this.#active += 1;
    const call = work();
    call.then(this.#settled, this.#settled);
    return call;
  }

  /** Marks the client closed, waits for in-flight calls to settle, then runs `release` once. */
  close(release: () => Promise<void>): Promise<void> {
    if (this.#closing) return this.#closing;
    this.#closed = true;
    this.#closing = (async () => {
      if (this.#active > 0) await new Promise<void>((resolve) => (this.#drained = resolve));
      await release();
    })();
    return this.#closing;
  }
}
