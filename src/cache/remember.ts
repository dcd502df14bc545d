import type { z } from 'zod';
import { CACHE_SCHEMA_VERSION, type ResultCache } from './result-cache.js';
import type { SingleFlight } from './single-flight.js';

/** A part of a cache key: the method, an id, an option's value. */
export type KeyPart = string | number | boolean | null;

export interface RememberOptions {
  /** Skip the cache read and start a fetch of its own; its result refreshes the entry. */
  fresh?: boolean | undefined;
  signal?: AbortSignal | undefined;
}

/**
 * Runs a call through single flight and the cache. The key holds the method, the id or normalised
 * query, every option that changes the result (with defaults filled in, so an omitted option and its
 * default share a key), the client's locale and partner-API setting, and the schema version. Errors
 * are never cached.
 */
export type Remember = <S extends z.ZodType>(
  parts: readonly KeyPart[],
  schema: S,
  options: RememberOptions,
  work: (signal: AbortSignal | undefined) => Promise<z.output<S>>,
) => Promise<z.output<S>>;

export function rememberer(
  cache: ResultCache | null,
  flights: SingleFlight,
  scope: { locale: string | undefined; partnerApi: boolean },
): Remember {
  const prefix = `spotify-scraper:v${CACHE_SCHEMA_VERSION}:${encodeURIComponent(scope.locale ?? '-')}:${scope.partnerApi ? 'api' : 'embed'}:`;
  return async (parts, schema, options, work) => {
    const key = prefix + parts.map((part) => encodeURIComponent(String(part))).join(':');
    if (cache && options.fresh !== true) {
      const hit = await cache.get(key, schema);
      if (hit !== undefined) return hit;
    }
    return flights.run(key, options.fresh !== true, options.signal, async (signal) => {
      const value = await work(signal);
      await cache?.set(key, value);
      return value;
    });
  };
}
