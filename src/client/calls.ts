import { checkCallOptions } from './arguments.js';
import { runBatch, type BatchResult } from './batch.js';
import type { BatchOptions, CallOptions, SignalOptions } from './call-options.js';
import { Lifecycle } from './lifecycle.js';
import { shareableSignal } from './signals.js';

/**
 * How every public method runs: refused after close; its options checked (a bad one is an
 * InvalidInputError); its signal linked once for all calls that share it; not started when that
 * signal has already aborted; counted so that `close()` lets it finish.
 */
export class Calls {
  readonly lifecycle = new Lifecycle();
  readonly #defaultConcurrency: number;

  constructor(defaultConcurrency: number) {
    this.#defaultConcurrency = defaultConcurrency;
  }

  /** One tracked call. */
  run<O extends SignalOptions, T>(
    method: string,
    known: readonly string[],
    options: O | undefined,
    work: (options: O, signal: AbortSignal | undefined) => Promise<T>,
  ): Promise<T> {
    // Options are read first so that a queued call can listen to its signal; a closed client still
    // answers ClientClosedError before any complaint about them.
    let checked: O;
    let signal: AbortSignal | undefined;
    try {
      checked = checkCallOptions(options, known, method);
      signal = shareableSignal(checked.signal);
    } catch (error) {
      return this.lifecycle.run(() => Promise.reject(error as Error));
    }
    return this.lifecycle.run(() => {
      // Not an async function: the call's own promise is returned as it is (no extra turns on a hit).
      try {
        signal?.throwIfAborted();
        return work(checked, signal);
      } catch (error) {
        return Promise.reject(error as Error);
      }
    }, signal);
  }

  /** A batch: its options checked once, each value fetched (a tracked call of its own) with the batch's signal and `fresh`. */
  async batch<O extends BatchOptions, T>(
    method: string,
    known: readonly string[],
    values: readonly string[],
    options: O | undefined,
    fetchOne: (value: string, options: CallOptions & Omit<O, keyof BatchOptions>) => Promise<T>,
  ): Promise<Array<BatchResult<T>>> {
    const checked = checkCallOptions(options, known, method);
    const signal = shareableSignal(checked.signal);
    const { concurrency: _c, onProgress: _p, signal: _s, ...rest } = checked;
    return runBatch(values, { ...checked, signal }, this.#defaultConcurrency, (value, inner) =>
      fetchOne(value, { ...rest, signal: inner } as CallOptions & Omit<O, keyof BatchOptions>),
    );
  }
}
