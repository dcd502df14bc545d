import type pLimitType from 'p-limit';
import { InvalidInputError, SpotifyScraperError, optionError } from '../errors.js';
import { quote } from '../redact.js';
import type { BatchOptions } from './call-options.js';

let pLimit: typeof pLimitType | undefined;

/** p-limit, loaded by the first batch (an `import` of the package that runs none does not pay for it). */
export async function loadPLimit(): Promise<typeof pLimitType> {
  pLimit ??= (await import('p-limit')).default;
  return pLimit;
}

/** One entry of a batch result, in input order. */
export type BatchResult<T> =
  { value: string; ok: true; result: T } | { value: string; ok: false; error: SpotifyScraperError };

/**
 * Runs `fetchOne` over `values`, `concurrency` at a time (p-limit), results in input order. A failed
 * value becomes `{ok: false, error}` and never loses the others; only an abort of `signal` rejects the
 * batch, and then no value that had not started starts.
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
  const limit = (await loadPLimit())({ concurrency, rejectOnClear: true });
  // An abort stops the batch: values not started are dropped, those running end with the signal.
  const stop = (): void => limit.clearQueue();
  signal?.addEventListener('abort', stop, { once: true });
  let completed = 0;
  const settle = async (value: string): Promise<BatchResult<T>> => {
    signal?.throwIfAborted();
    let entry: BatchResult<T>;
    try {
      entry = { value, ok: true, result: await fetchOne(value, signal) };
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      entry = {
        value,
        ok: false,
        error: error instanceof SpotifyScraperError ? error : new SpotifyScraperError(String(error), { cause: error }),
      };
    }
    completed += 1;
    onProgress?.({ completed, total: values.length, value, ok: entry.ok });
    return entry;
  };
  try {
    return await limit.map(values, settle);
  } catch (error) {
    throw signal?.aborted ? signal.reason : error;
  } finally {
    signal?.removeEventListener('abort', stop);
  }
}
