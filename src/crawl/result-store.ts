import type { Redis } from 'ioredis';
import type { CrawlKeys } from './names.js';

/** Writes a result once: a second write of the same uri (a job done again after a crash) changes nothing. */
const STORE_ONCE = `
if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 1 then
  redis.call('HINCRBY', KEYS[2], ARGV[3], 1)
  return 1
end
return 0`;

/** Fields read per HMGET when the results are read back. */
const READ_CHUNK = 500;

/**
 * A crawl's results in Redis: one hash field per uri (the entity's JSON), written once, and a count per
 * type. Read back in a stable order (sorted by uri), each once.
 */
export class ResultStore {
  readonly #redis: Redis;
  readonly #keys: CrawlKeys;

  constructor(redis: Redis, keys: CrawlKeys) {
    this.#redis = redis;
    this.#keys = keys;
  }

  /** Stores the entity under its uri unless one is there; true when this call wrote it. */
  async put(type: string, uri: string, entity: unknown): Promise<boolean> {
    const written = await this.#redis.eval(
      STORE_ONCE,
      2,
      this.#keys.results,
      this.#keys.done,
      uri,
      JSON.stringify(entity),
      type,
    );
    return written === 1;
  }

  /** Results written, by type. */
  async doneByType(): Promise<Record<string, number>> {
    const counts = await this.#redis.hgetall(this.#keys.done);
    return Object.fromEntries(Object.entries(counts).map(([type, count]) => [type, Number(count)]));
  }

  async count(): Promise<number> {
    return this.#redis.hlen(this.#keys.results);
  }

  /** Every result, each once, sorted by uri. */
  async *read(): AsyncGenerator<unknown, void, undefined> {
    const uris = new Set<string>();
    let cursor = '0';
    do {
      const [next, fields] = await this.#redis.hscan(this.#keys.results, cursor, 'COUNT', 1000);
      for (let index = 0; index < fields.length; index += 2) uris.add(fields[index] as string);
      cursor = next;
    } while (cursor !== '0');
    const sorted = [...uris].sort();
    for (let start = 0; start < sorted.length; start += READ_CHUNK) {
      const values = await this.#redis.hmget(this.#keys.results, ...sorted.slice(start, start + READ_CHUNK));
      for (const value of values) if (value !== null) yield JSON.parse(value) as unknown;
    }
  }

  async drop(): Promise<void> {
    await this.#redis.del(this.#keys.results, this.#keys.done);
  }
}
