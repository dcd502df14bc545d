import type { z } from 'zod';
import { raceAbort } from '../http/abort.js';
import { CACHE_SCHEMA_VERSION, type ResultCache } from './result-cache.js';
import type { SingleFlight } from './single-flight.js';

/** A part of a cache key: the method, an id, an option's value. */
export type KeyPart = string | number | boolean | null;

export interface RememberOptions {
  /** Skip the cache read and start a fetch of its own; its result refreshes the entry. */
  fresh?: boolean | undefined;
  signal?: AbortSignal | undefined;
}

/** What a call's work can say about its result besides returning it. */
export interface Outcome {
  /**
   * The result is degraded (the partner API failed and embed data stands in, paging stopped early):
   * it is returned, but not cached, so a later call gets the whole result once Spotify recovers.
   */
  degraded(): void;
}

/**
 * Runs a call through single flight and the cache. The key holds the method, the id or normalised
 * query, every option that changes the result (with defaults filled in, so an omitted option and its
 * default share a key), the client's locale and partner-API setting, and the schema version. Errors
 * and degraded results are never cached.
 */
export type Remember = <S extends z.ZodType>(
  parts: readonly KeyPart[],
  schema: S,
  options: RememberOptions,
  work: (signal: AbortSignal | undefined, outcome: Outcome) => Promise<z.output<S>>,
) => Promise<z.output<S>>;

export function rememberer(
  cache: ResultCache | null,
  flights: SingleFlight,
  scope: { locale: string | undefined; partnerApi: boolean; namespace?: string | undefined },
): Remember {
  const namespace = scope.namespace === undefined ? '' : `${encodeURIComponent(scope.namespace)}:`;
  const prefix = `spotify-scraper:v${CACHE_SCHEMA_VERSION}:${namespace}${encodeURIComponent(scope.locale ?? '-')}:${scope.partnerApi ? 'api' : 'embed'}:`;
  const writes = new WriteOrder();
  return async (parts, schema, options, work) => {
    const key = prefix + parts.map((part) => encodeURIComponent(String(part))).join(':');
    const { signal } = options;
    if (cache && options.fresh !== true) {
      // The in-memory cache answers at once; a slow store read does not hold an aborted caller: the
      // read goes on alone (it never rejects).
      const hit = cache.inMemory
        ? cache.getInMemory<z.output<typeof schema>>(key)
        : await raceAbort(cache.get(key, schema), signal);
      if (hit !== undefined) return hit;
    }
    // No work starts for a caller that has gone.
    signal?.throwIfAborted();
    return flights.run(key, options.fresh !== true, signal, async (inner) => {
      const started = writes.start(key);
      let degraded = false;
      try {
        const value = await work(inner, { degraded: () => (degraded = true) });
        // An older fetch that ends after a newer one (a `fresh: true`) does not overwrite it.
        if (cache && !degraded && writes.mayWrite(key, started)) await cache.set(key, value);
        return value;
      } finally {
        writes.end(key);
      }
    });
  };
}

/**
 * The order of writes per key while fetches of it are under way: a fetch that started before the
 * one that last wrote is too old to write. Nothing is kept for a key once no fetch of it runs.
 */
class WriteOrder {
  #next = 0;
  readonly #keys = new Map<string, { running: number; lastWritten: number }>();

  start(key: string): number {
    const entry = this.#keys.get(key) ?? { running: 0, lastWritten: -1 };
    entry.running += 1;
    this.#keys.set(key, entry);
    return (this.#next += 1);
  }

  mayWrite(key: string, started: number): boolean {
    const entry = this.#keys.get(key);
    if (!entry || started < entry.lastWritten) return false;
    entry.lastWritten = started;
    return true;
  }

  end(key: string): void {
    const entry = this.#keys.get(key);
    if (!entry) return;
    entry.running -= 1;
    if (entry.running === 0) this.#keys.delete(key);
  }
}
