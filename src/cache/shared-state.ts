import type { CacheStore } from './cache-options.js';

/** A store call that takes longer is given up (the state then stays this process's own). */
const BOUND_MS = 250;
/** What was read from the store is trusted this long before it is read again: a healthy call reads no store. */
const REREAD_AFTER_MS = 30_000;

/**
 * Small facts a fleet shares through the cache's store (what healing learnt: discovered hashes, dead
 * marks, a cool-down, a lock): JSON values with their own expiry, bounded calls, and no failure ever
 * reaching a caller (a store that fails or is absent leaves each process on its own). Never a token.
 */
export class SharedState {
  readonly #store: CacheStore | undefined;
  readonly #prefix: string;
  /** Recent reads and this process's own writes: key -> the entry and when it was read. */
  readonly #recent = new Map<string, { entry: unknown; readAt: number }>();

  constructor(store: CacheStore | undefined, namespace: string) {
    this.#store = store;
    this.#prefix = `spotify-scraper:${namespace}:`;
  }

  get shared(): boolean {
    return this.#store !== undefined;
  }

  /** The value under `key`, from a read of the last 30 s or the store; `fresh` reads the store now. */
  async get<T>(key: string, fresh = false): Promise<T | undefined> {
    if (!this.#store) return undefined;
    const recent = this.#recent.get(key);
    let entry = recent?.entry as { until?: unknown; value?: T } | undefined;
    if (fresh || !recent || Date.now() - recent.readAt >= REREAD_AFTER_MS) {
      entry = (await this.#bounded((store) => store.get(this.#prefix + key))) as typeof entry;
      this.#recent.set(key, { entry, readAt: Date.now() });
    }
    if (typeof entry !== 'object' || entry === null || typeof entry.until !== 'number' || Date.now() >= entry.until)
      return undefined;
    return entry.value;
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
