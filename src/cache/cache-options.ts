import { DEFAULTS } from '../defaults.js';
import { optionError } from '../errors.js';
import { quote } from '../redact.js';

/**
 * A shared store the cache can use: any Keyv-compatible object (`new Keyv(new KeyvRedis(url))`, a
 * `Map`-like of your own). `ttl` is in milliseconds (the client also keeps each entry's expiry in the
 * entry, so a store that ignores it is fine).
 */
export interface CacheStore {
  get(key: string): unknown;
  set(key: string, value: unknown, ttl?: number): unknown;
  delete?(key: string): unknown;
}

/** The `cache` option in object form. */
export interface CacheOptions {
  /** How long an entry answers calls, in ms; `Infinity` for no expiry. @default 3_600_000 (1 h) */
  ttlMs?: number | undefined;
  /** How many entries the in-memory cache keeps (least recently used go first). Memory only. @default 1_000 */
  maxEntries?: number | undefined;
  /**
   * How much heap the in-memory cache may take, in bytes, least recently used going first: each result
   * is kept as its JSON, counted at one byte a character (two when it holds any character past Latin-1,
   * as V8 then stores it), plus about 200 bytes an entry. Memory only. @default 50_000_000
   */
  maxBytes?: number | undefined;
  /** A Keyv-compatible store shared by processes (Redis…) instead of memory. @default in memory */
  store?: CacheStore | undefined;
}

export interface ResolvedCache {
  ttlMs: number;
  maxEntries: number;
  maxBytes: number;
  store: CacheStore | undefined;
}

export const CACHE_DEFAULTS = DEFAULTS.cache;

/** `cache: true | {ttlMs, maxEntries, store} | false`; anything else is an InvalidInputError. */
export function resolveCache(value: unknown): ResolvedCache | null {
  if (value === undefined || value === false) return null;
  if (value === true) return { ...CACHE_DEFAULTS, store: undefined };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw optionError('cache', `must be true, false or { ttlMs, maxEntries, store }, got ${quote(value)}`);
  }
  const { ttlMs, maxEntries, maxBytes, store, ...unknown } = value as CacheOptions & Record<string, unknown>;
  const extra = Object.keys(unknown);
  if (extra.length > 0)
    throw optionError('cache', `has an unknown field ${quote(extra[0])}; known: ttlMs, maxEntries, maxBytes, store`);
  if (maxBytes !== undefined && !(typeof maxBytes === 'number' && Number.isSafeInteger(maxBytes) && maxBytes >= 1)) {
    throw optionError('cache.maxBytes', `must be a whole number >= 1, got ${quote(maxBytes)}`);
  }
  if (
    ttlMs !== undefined &&
    ttlMs !== Infinity &&
    !(typeof ttlMs === 'number' && Number.isSafeInteger(ttlMs) && ttlMs > 0)
  ) {
    throw optionError('cache.ttlMs', `must be a whole number of ms > 0 or Infinity, got ${quote(ttlMs)}`);
  }
  if (
    maxEntries !== undefined &&
    !(typeof maxEntries === 'number' && Number.isSafeInteger(maxEntries) && maxEntries >= 1)
  ) {
    throw optionError('cache.maxEntries', `must be a whole number >= 1, got ${quote(maxEntries)}`);
  }
  if (store !== undefined) {
    const candidate = store as Partial<CacheStore> | null;
    if (
      typeof candidate !== 'object' ||
      candidate === null ||
      typeof candidate.get !== 'function' ||
      typeof candidate.set !== 'function'
    ) {
      throw optionError('cache.store', 'must have get(key) and set(key, value, ttl) (a Keyv instance, for example)');
    }
    if (maxEntries !== undefined)
      throw optionError('cache.maxEntries', 'applies to the in-memory cache only; a store bounds itself');
    if (maxBytes !== undefined)
      throw optionError('cache.maxBytes', 'applies to the in-memory cache only; a store bounds itself');
  }
  return {
    ttlMs: ttlMs ?? CACHE_DEFAULTS.ttlMs,
    maxEntries: maxEntries ?? CACHE_DEFAULTS.maxEntries,
    maxBytes: maxBytes ?? CACHE_DEFAULTS.maxBytes,
    store,
  };
}
