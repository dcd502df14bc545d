import { createRequire } from 'node:module';
import type { LRUCache } from 'lru-cache';
import type { z } from 'zod';
import { quote } from '../redact.js';
import type { CacheStore, ResolvedCache } from './cache-options.js';

/** Bumped when a model changes shape: entries of another version are misses. */
export const CACHE_SCHEMA_VERSION = 1;
/** A store call that takes longer is given up (the call goes to the network). */
export const STORE_BOUND_MS = 250;
/** After a store failure, the store is left alone this long. */
export const STORE_PAUSE_MS = 5_000;

/**
 * What a shared store holds for a key: the result, its own expiry in wall-clock ms (a store may
 * ignore the ttl; processes share it, so no injected clock decides it), a version, and the key it was
 * written for (an entry found under another key is a miss).
 */
interface StoredEntry {
  v: number;
  key: string;
  expiresAt: number | null;
  value: unknown;
}

const FAILED = Symbol('failed');

let LRU: typeof LRUCache | undefined;

/** lru-cache, loaded by the first in-memory cache (a client without a cache does not pay for it). */
function lruCache(): typeof LRUCache {
  // import.meta.url in both builds (the CommonJS one has tsup's shim); lru-cache ships a CommonJS build.
  LRU ??= (createRequire(import.meta.url)('lru-cache') as { LRUCache: typeof LRUCache }).LRUCache;
  return LRU;
}

/** What an in-memory entry holds besides its strings: the LRU's node, the entry object, its numbers. */
const ENTRY_OVERHEAD_BYTES = 200;
// Any character past Latin-1 makes V8 keep the whole string at two bytes a character.
const WIDE = /[\u0100-\uffff]/;

/**
 * The heap an in-memory entry takes, as `cache.maxBytes` counts it: its JSON string at one byte a
 * character (two when it holds any character past Latin-1, as names in most scripts do), its key
 * likewise, and a fixed overhead.
 */
export function heapBytes(json: string, key: string): number {
  const size = (text: string) => text.length * (WIDE.test(text) ? 2 : 1);
  return size(json) + size(key) + ENTRY_OVERHEAD_BYTES;
}

/**
 * Validated results of getters and discovery calls, in memory (an LRU of JSON strings: a hit parses
 * a fresh copy the caller may mutate) or in a Keyv-compatible store shared by processes (entries read
 * back are validated with the model's schema; a foreign, older or corrupt one is a miss). A store that
 * throws, rejects or takes longer than STORE_BOUND_MS never fails or stalls a call: the call goes to
 * the network, `warn` says so once per outage, and the store is skipped for STORE_PAUSE_MS.
 */
export class ResultCache {
  readonly #memory: LRUCache<string, { json: string; bytes: number; expiresAt: number | null }> | undefined;
  readonly #store: CacheStore | undefined;
  readonly #ttlMs: number;
  #pausedUntil = 0;
  #inOutage = false;

  readonly #now: () => number;
  readonly #warn: (message: string) => void;

  /** `now` is the client's clock, for the in-memory cache; shared entries expire on wall time. */
  constructor(config: ResolvedCache, now: () => number, warn: (message: string) => void) {
    this.#now = now;
    this.#warn = warn;
    this.#ttlMs = config.ttlMs;
    this.#store = config.store;
    this.#memory = config.store
      ? undefined
      : new (lruCache())({
          max: config.maxEntries,
          // Bounded in bytes too (the heap an entry's JSON string takes): a few huge playlists cannot
          // fill the memory that a count alone allows.
          maxSize: config.maxBytes,
          sizeCalculation: (entry) => entry.bytes,
        });
  }

  /** Drops what the in-memory cache holds (a closed client answers no call). A shared store is left as it is. */
  clear(): void {
    this.#memory?.clear();
  }

  /** Whether hits are read synchronously (`getInMemory`) rather than from a store (`get`). */
  get inMemory(): boolean {
    return this.#memory !== undefined;
  }

  /** A hit of the in-memory cache, read at once (a fresh copy), or undefined. */
  getInMemory<T>(key: string): T | undefined {
    const entry = this.#memory?.get(key);
    if (entry === undefined) return undefined;
    if (this.#expired(entry.expiresAt, this.#now())) {
      this.#memory?.delete(key);
      return undefined;
    }
    // Validated when it was written, in this process: a parse is the copy.
    return JSON.parse(entry.json) as T;
  }

  async get<S extends z.ZodType>(key: string, schema: S): Promise<z.output<S> | undefined> {
    if (this.#memory) return this.getInMemory<z.output<S>>(key);
    const raw = await this.#bounded('read', (store) => store.get(key));
    if (raw === FAILED || raw === undefined || raw === null) return undefined;
    const entry = raw as Partial<StoredEntry>;
    if (
      typeof entry !== 'object' ||
      entry.v !== CACHE_SCHEMA_VERSION ||
      entry.key !== key ||
      (entry.expiresAt !== null && typeof entry.expiresAt !== 'number')
    )
      return undefined;
    if (this.#expired(entry.expiresAt, Date.now())) return undefined;
    const checked = schema.safeParse(entry.value);
    return checked.success ? checked.data : undefined;
  }

  async set(key: string, value: unknown): Promise<void> {
    if (this.#memory) {
      const json = JSON.stringify(value);
      const bytes = heapBytes(json, key);
      // One result larger than the whole byte bound is not kept (lru-cache would refuse it anyway).
      if (bytes > this.#memory.maxSize) return;
      this.#memory.set(key, {
        json,
        bytes,
        expiresAt: this.#ttlMs === Infinity ? null : this.#now() + this.#ttlMs,
      });
      return;
    }
    // A copy: a store that keeps objects (a Map) must not hold the object the caller gets.
    const entry: StoredEntry = {
      v: CACHE_SCHEMA_VERSION,
      key,
      expiresAt: this.#ttlMs === Infinity ? null : Date.now() + this.#ttlMs,
      value: structuredClone(value),
    };
    await this.#bounded('write', (store) =>
      this.#ttlMs === Infinity ? store.set(key, entry) : store.set(key, entry, this.#ttlMs),
    );
  }

  #expired(expiresAt: number | null | undefined, now: number): boolean {
    return expiresAt !== null && expiresAt !== undefined && now >= expiresAt;
  }

  /** One store call, bounded in time; any failure is FAILED, reported once per outage. */
  async #bounded(what: string, call: (store: CacheStore) => unknown): Promise<unknown> {
    const store = this.#store as CacheStore;
    if (this.#now() < this.#pausedUntil) return FAILED;
    let timer: NodeJS.Timeout | undefined;
    try {
      const result = await Promise.race([
        Promise.resolve().then(() => call(store)),
        new Promise((_resolve, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${STORE_BOUND_MS} ms`)), STORE_BOUND_MS);
          timer.unref();
        }),
      ]);
      this.#inOutage = false;
      return result;
    } catch (error) {
      this.#pausedUntil = this.#now() + STORE_PAUSE_MS;
      if (!this.#inOutage) {
        this.#inOutage = true;
        const why = error instanceof Error ? error.message : String(error);
        this.#warn(`The cache store failed to ${what} (${quote(why)}): calls go to the network until it answers again`);
      }
      return FAILED;
    } finally {
      clearTimeout(timer);
    }
  }
}
