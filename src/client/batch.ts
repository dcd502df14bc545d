import { InvalidInputError, SpotifyScraperError, optionError } from '../errors.js';
import { quote } from '../redact.js';
import type { BatchOptions } from './call-options.js';

/** One entry of a batch result, in input order. */
export type BatchResult<T> =
  { value: string; ok: true; result: T } | { value: string; ok: false; error: SpotifyScraperError };

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
    throw optionError('concurrency', `must be a whole number >= 1, got ${quote(concurrency)}`, '');
  }
  const { signal, onProgress } = options;
  signal?.throwIfAborted();
  const results: Array<BatchResult<T>> = new Array<BatchResult<T>>(values.length);
  let completed = 0;
  let next = 0;
  // `concurrency` workers take the next value until none is left; an abort stops them all.
  const worker = async (): Promise<void> => {
    while (next < values.length) {
      signal?.throwIfAborted();
      const index = next;
      next += 1;
      const value = values[index] as string;
      let entry: BatchResult<T>;
      try {
        entry = { value, ok: true, result: await fetchOne(value, signal) };
      } catch (error) {
        if (signal?.aborted) throw signal.reason;
        entry = {
          value,
          ok: false,
          error:
            error instanceof SpotifyScraperError ? error : new SpotifyScraperError(String(error), { cause: error }),
        };
      }
      results[index] = entry;
      completed += 1;
      onProgress?.({ completed, total: values.length, value, ok: entry.ok });
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, values.length) }, worker));
  return results;
}
