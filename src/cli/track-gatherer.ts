import type { AsyncSpotifyClient, TrackBatchOptions } from '../index.js';

/** Values a group holds: what one `getTracks` call takes (two list requests of 50). */
const GROUP = 100;
/** How long a group waits for more values before it goes. */
const GATHER_MS = 5;

interface Waiting {
  value: string;
  resolve: (result: unknown) => void;
  reject: (reason: unknown) => void;
}

/**
 * `track --summary` / `--isrc`: the values of a run, which come one task at a time, gathered into
 * `getTracks` calls of up to 100 (so 1,000 tracks are about 40 requests, not 2,000). Each value's task
 * gets its own entry: its result, or its error.
 */
export class TrackGatherer {
  readonly #options: Omit<TrackBatchOptions, 'signal'>;
  #waiting: Waiting[] = [];
  #timer: NodeJS.Timeout | undefined;

  constructor(options: Omit<TrackBatchOptions, 'signal'>) {
    this.#options = options;
  }

  load(client: AsyncSpotifyClient, value: string, signal: AbortSignal): Promise<unknown> {
    return new Promise((resolve, reject) => {
      this.#waiting.push({ value, resolve, reject });
      clearTimeout(this.#timer);
      if (this.#waiting.length >= GROUP) this.#flush(client, signal);
      else this.#timer = setTimeout(() => this.#flush(client, signal), GATHER_MS);
    });
  }

  #flush(client: AsyncSpotifyClient, signal: AbortSignal): void {
    clearTimeout(this.#timer);
    const group = this.#waiting.splice(0, GROUP);
    if (group.length === 0) return;
    client
      .getTracks(
        group.map((entry) => entry.value),
        { ...this.#options, signal },
      )
      .then(
        (results) =>
          results.forEach((entry, index) => {
            const waiting = group[index] as Waiting;
            if (entry.ok) waiting.resolve(entry.result);
            else waiting.reject(entry.error);
          }),
        (reason: unknown) => {
          for (const waiting of group) waiting.reject(reason);
        },
      );
  }
}
