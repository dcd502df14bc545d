import pLimit from 'p-limit';
import { InvalidInputError, SpotifyScraperError } from '../errors.js';
import { quote } from '../redact.js';

/** One entry of a batch result, in input order. */
export type BatchResult<T> =
  | { value: string; ok: true; result: T }
  | { value: string; ok: false; error: SpotifyScraperError };

/** Progress of a batch, reported after each value settles. */
export interface BatchProgress {
  completed: number;
  total: number;
  value: string;
  ok: boolean;
}

/** Options every batch helper takes. */
export interface BatchOptions {
  /** How many values are fetched at once. @default the client's `maxConcurrency` (5) */
  concurrency?: number;
  /** Called after each value settles. */
  onProgress?: (progress: BatchProgress) => void;
  /** Aborts the whole batch: it then rejects with `signal.reason`. */
  signal?: AbortSignal;
}

/**
 * Runs `fetchOne` over `values` with bounded concurrency. A failed value becomes `{ok: false, error}`
 * and never loses the others; only an abort of `signal` rejects the batch.
 */
export async function runBatch<T>(
  values: readonly string[],
  options: BatchOptions,
  defaultConcurrency: number,
  fetchOne: (value: string, signal: AbortSignal | undefined) => Promise<T>,
): Promise<Array<BatchResult<T>>> {
  if (!Array.isArray(values)) throw new InvalidInputError('A batch takes an array of values');
  const concurrency = options.concurrency ?? defaultConcurrency;
  if (!Number.isSafeInteger(concurrency) || concurrency < 1) {
    throw new InvalidInputError(`concurrency must be a whole number >= 1, got ${quote(concurrency)}`);
  }
  const { signal, onProgress } = options;
  signal?.throwIfAborted();
  const limit = pLimit(concurrency);
  let completed = 0;
  const settle = (value: string, entry: BatchResult<T>): BatchResult<T> => {
    completed += 1;
    onProgress?.({ completed, total: values.length, value, ok: entry.ok });
    return entry;
  };
  const tasks = values.map((value) =>
    limit(async (): Promise<BatchResult<T>> => {
      signal?.throwIfAborted();
      try {
        return settle(value, { value, ok: true, result: await fetchOne(value, signal) });
      } catch (error) {
        if (signal?.aborted) throw signal.reason;
        const failure = error instanceof SpotifyScraperError ? error : new SpotifyScraperError(String(error), { cause: error });
        return settle(value, { value, ok: false, error: failure });
      }
    }),
  );
  try {
    return await Promise.all(tasks);
  } finally {
    limit.clearQueue();
  }
}
