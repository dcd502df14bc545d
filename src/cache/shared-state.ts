import type { CacheStore } from './cache-options.js';

/** A store call that takes longer is given up (the state then stays this process's own). */
const BOUND_MS = 250;
/** What was read from the store is trusted this long before it is read again: a healthy call reads no store. */
const REREAD_AFTER_MS = 30_000;
/** No shared fact lives longer than this (a dead mark, 24 h): an entry that says it does is not one of ours. */
const LONGEST_MS = 24 * 3_600_000 + 60_000;

/**
 * Reads a shared value as what it must be: the value, or undefined when it is not (malformed, absurd
 * times). Another process of the fleet, an older version or anyone with the store's password wrote it.
 */
export type SharedReader<T> = (value: unknown, now: number) => T | undefined;

/** A 64-hex persisted-query hash. */
export const isHash = (value: unknown): value is string => typeof value === 'string' && /^[0-9a-f]{64}$/.test(value);

/** Short text (a source, a reason): a string of at most `max` characters. */
export const isShortText = (value: unknown, max = 400): value is string =>
  typeof value === 'string' && value.length <= max;

/** An epoch time (ms) that is not absurd: within `pastMs` before now and a minute after. */
export const isRecentTime = (value: unknown, now: number, pastMs: number): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value >= now - pastMs && value <= now + 60_000;

/**
 * Small facts a fleet shares through the cache's store (what healing learnt: discovered hashes, dead
 * marks, a cool-down, a lock): JSON values with their own expiry, bounded calls, and no failure ever
 * reaching a caller (a store that fails or is absent leaves each process on its own). Never a token.
 * Every read is checked by the reader of its kind: what is malformed is absent, and said once
 * (`onMalformed`), so a poisoned store never makes a call fail.
 */
export class SharedState {
  readonly #store: CacheStore | undefined;
  readonly #prefix: string;
  /** Recent reads and this process's own writes: key -> the entry and when it was read. */
  readonly #recent = new Map<string, { entry: unknown; readAt: number }>();
  readonly #onMalformed: (message: string) => void;
  #warned = false;

  constructor(store: CacheStore | undefined, namespace: string, onMalformed: (message: string) => void = () => {}) {
    this.#store = store;
    this.#prefix = `spotify-scraper:${namespace}:`;
    this.#onMalformed = onMalformed;
  }

  get shared(): boolean {
    return this.#store !== undefined;
  }

  /**
   * The value under `key` as `read` reads it, from a read of the last 30 s or the store; `fresh` reads
   * the store now. Undefined when there is none, it expired, or it is malformed.
   */
  async get<T>(key: string, read: SharedReader<T>, fresh = false): Promise<T | undefined> {
    if (!this.#store) return undefined;
    const recent = this.#recent.get(key);
    let entry = recent?.entry;
    if (fresh || !recent || Date.now() - recent.readAt >= REREAD_AFTER_MS) {
      entry = await this.#bounded((store) => store.get(this.#prefix + key));
      this.#recent.set(key, { entry, readAt: Date.now() });
    }
    if (entry === undefined || entry === null) return undefined;
    const now = Date.now();
    const { until, value } = (typeof entry === 'object' ? entry : {}) as { until?: unknown; value?: unknown };
    if (typeof until !== 'number' || !Number.isFinite(until) || until > now + LONGEST_MS) return this.#malformed(key);
    if (now >= until) return undefined;
    const checked = read(value, now);
    return checked === undefined ? this.#malformed(key) : checked;
  }

  #malformed(key: string): undefined {
    // Not read again for a while either: the bad entry is as good as absent.
    if (!this.#warned) {
      this.#warned = true;
      this.#onMalformed(
        `The shared store holds a malformed healing entry (${key.split(':')[0]}…): it is ignored, as is any other; each process heals on its own meanwhile`,
      );
    }
    return undefined;
  }

  async set(key: string, value: unknown, ttlMs: number): Promise<void> {
    if (!this.#store) return;
    const entry = { until: Date.now() + ttlMs, value };
    this.#recent.set(key, { entry, readAt: Date.now() });
    await this.#bounded((store) => store.set(this.#prefix + key, entry, ttlMs));
  }

  async delete(key: string): Promise<void> {
    if (!this.#store) return;
    this.#recent.delete(key);
    await this.#bounded((store) => store.delete?.(this.#prefix + key));
  }

  async #bounded(call: (store: CacheStore) => unknown): Promise<unknown> {
    const store = this.#store;
    if (!store) return undefined;
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        Promise.resolve().then(() => call(store)),
        new Promise((resolve) => {
          timer = setTimeout(resolve, BOUND_MS);
          timer.unref();
        }),
      ]);
    } catch {
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }
}
