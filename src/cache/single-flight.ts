interface Flight {
  promise: Promise<unknown>;
  /** Only when the first caller can abort: without one, the work cannot be stopped by callers anyway. */
  controller: AbortController | undefined;
  waiters: number;
}

/**
 * Concurrent identical calls share one fetch. Each caller waits with its own signal: one caller's
 * abort rejects only that caller, and the shared work is aborted only when every caller has gone.
 * The first caller gets the result, the others each a copy (results are plain data).
 */
export class SingleFlight {
  readonly #flights = new Map<string, Flight>();

  /** Runs `work` for `key`, or joins the run already under way when `join` is true. */
  run<T>(
    key: string,
    join: boolean,
    signal: AbortSignal | undefined,
    work: (signal: AbortSignal | undefined) => Promise<T>,
  ): Promise<T> {
    // No work starts for a caller that has gone.
    if (signal?.aborted) return Promise.reject(signal.reason);
    const current = join ? this.#flights.get(key) : undefined;
    if (current) return this.#wait(key, current, signal).then((value) => structuredClone(value) as T);
    const controller = signal ? new AbortController() : undefined;
    const flight: Flight = { controller, waiters: 0, promise: Promise.resolve() };
    flight.promise = work(controller?.signal).finally(() => {
      if (this.#flights.get(key) === flight) this.#flights.delete(key);
    });
    // Every caller may leave (abort) before the work ends: its failure is then nobody's.
    flight.promise.catch(() => undefined);
    this.#flights.set(key, flight);
    return this.#wait(key, flight, signal) as Promise<T>;
  }

  /** Calls under way. */
  get size(): number {
    return this.#flights.size;
  }

  #wait(key: string, flight: Flight, signal: AbortSignal | undefined): Promise<unknown> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    flight.waiters += 1;
    // No signal: nothing to race, the flight's own promise will do (one promise fewer per call).
    if (!signal) {
      return flight.promise.finally(() => {
        flight.waiters -= 1;
      });
    }
    return new Promise((resolve, reject) => {
      let left = false;
      const leave = (): void => {
        if (left) return;
        left = true;
        signal?.removeEventListener('abort', onAbort);
        flight.waiters -= 1;
      };
      const onAbort = (): void => {
        leave();
        if (flight.waiters === 0) {
          // Nobody waits any more: stop the work, and let a later call start afresh.
          if (this.#flights.get(key) === flight) this.#flights.delete(key);
          flight.controller?.abort(signal?.reason);
        }
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      flight.promise.then(
        (value) => {
          leave();
          resolve(value);
        },
        (error: unknown) => {
          leave();
          reject(error);
        },
      );
    });
  }
}
