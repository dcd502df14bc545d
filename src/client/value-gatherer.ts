import type { BatchResult } from './batch.js';

interface Waiting<T> {
  value: string;
  resolve: (result: T) => void;
  reject: (reason: unknown) => void;
}

/**
 * Values that arrive one task at a time (the CLI's values, a crawl's jobs) gathered into batch calls
 * (`getTracks`, which reads 50 a request): a group goes when it holds `size` values, or when none came
 * for `gatherMs`. Each value's promise settles with its own entry: its result, or its error.
 */
export class ValueGatherer<T> {
  readonly #run: (values: string[], signal: AbortSignal | undefined) => Promise<Array<BatchResult<T>>>;
  readonly #size: number;
  readonly #gatherMs: number;
  #waiting: Array<Waiting<T>> = [];
  #timer: NodeJS.Timeout | undefined;

  constructor(
    run: (values: string[], signal: AbortSignal | undefined) => Promise<Array<BatchResult<T>>>,
    size = 100,
    gatherMs = 5,
  ) {
    this.#run = run;
    this.#size = size;
    this.#gatherMs = gatherMs;
  }

  load(value: string, signal?: AbortSignal): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#waiting.push({ value, resolve, reject });
      clearTimeout(this.#timer);
      if (this.#waiting.length >= this.#size) this.#flush(signal);
      else this.#timer = setTimeout(() => this.#flush(signal), this.#gatherMs);
    });
  }

  #flush(signal: AbortSignal | undefined): void {
    clearTimeout(this.#timer);
    const group = this.#waiting.splice(0, this.#size);
    if (group.length === 0) return;
    this.#run(
      group.map((entry) => entry.value),
      signal,
    ).then(
      (results) =>
        results.forEach((entry, index) => {
          const waiting = group[index] as Waiting<T>;
          if (entry.ok) waiting.resolve(entry.result);
          else waiting.reject(entry.error);
        }),
      (reason: unknown) => {
        for (const waiting of group) waiting.reject(reason);
      },
    );
  }
}
