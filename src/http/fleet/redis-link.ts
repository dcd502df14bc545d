import { createHash } from 'node:crypto';
import type * as IORedis from 'ioredis';
import type { FleetRedisClient } from './options.js';

/** A Redis command that takes longer is given up, and Redis counted as away. */
export const COMMAND_BOUND_MS = 200;
/** The first connection may take this long before Redis is counted as away. */
const CONNECT_BOUND_MS = 1_000;
/** While Redis is away, it is probed this often (the connection itself retries with backoff capped at 2 s). */
const PROBE_EVERY_MS = 500;

export interface LinkEvents {
  /** Redis stopped answering (once per outage). */
  down(reason: string): void;
  /** Redis answers again. */
  up(): void;
}

/** An ioredis connection as the link drives it. */
interface OwnedRedis extends FleetRedisClient {
  on(event: string, listener: (...args: unknown[]) => void): unknown;
  quit(): Promise<unknown>;
  disconnect(): void;
}

/**
 * The fleet's connection to Redis: runs the Lua scripts (EVALSHA, EVAL once when Redis does not know a
 * script yet), each bounded in time. A URL opens an ioredis connection the link owns (loaded only now,
 * an optional peer dependency) with reconnection backoff capped at 2 s and no offline queue, so
 * commands fail fast while Redis is away; a client instance is borrowed and never closed. While Redis
 * is away the link probes it and reports when it is back.
 */
export class RedisLink {
  #client: FleetRedisClient | undefined;
  #owned: OwnedRedis | undefined;
  readonly #ready: Promise<void>;
  #up = true;
  #probe: NodeJS.Timeout | undefined;
  #closed = false;
  readonly #shas = new Map<string, string>();

  readonly #events: LinkEvents;

  constructor(redis: string | FleetRedisClient, events: LinkEvents) {
    this.#events = events;

    if (typeof redis === 'string') {
      this.#ready = this.#open(redis);
    } else {
      this.#client = redis;
      this.#ready = Promise.resolve();
    }
    // A failed open is reported by the first command; nothing may go unhandled.
    this.#ready.catch(() => undefined);
  }

  /** Whether Redis answered the last command (or probe). */
  get up(): boolean {
    return this.#up;
  }

  /** Runs a script; rejects when Redis fails or takes longer than the bound (and reports the outage). */
  async run(script: string, keys: readonly string[], args: ReadonlyArray<string | number>): Promise<string> {
    try {
      await bounded(this.#ready, CONNECT_BOUND_MS, 'no connection');
      const client = this.#client as FleetRedisClient;
      const result = await bounded(
        this.#evaluate(client, script, keys, args),
        COMMAND_BOUND_MS,
        `no answer within ${COMMAND_BOUND_MS} ms`,
      );
      this.#markUp();
      return String(result);
    } catch (error) {
      this.#markDown(error instanceof Error ? error.message : String(error));
      throw error;
    }
  }

  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#probe);
    const owned = this.#owned;
    if (!owned) return;
    // QUIT waits for Redis; one that never answers is dropped.
    await bounded(owned.quit(), 500, 'quit').catch(() => owned.disconnect());
  }

  async #open(url: string): Promise<void> {
    const { Redis } = (await import('ioredis').catch(() => {
      throw new Error('options.fleet.redis as a URL needs the package ioredis: npm install ioredis@5');
    })) as typeof IORedis;
    const redis = new Redis(url, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: CONNECT_BOUND_MS,
      retryStrategy: (times: number) => Math.min(100 * 2 ** times, 2_000),
    }) as unknown as OwnedRedis;
    // Errors are reported as outages by the commands they fail; the event itself must have a listener.
    redis.on('error', () => undefined);
    redis.on('ready', () => this.#markUp());
    redis.on('close', () => {
      if (!this.#closed) this.#markDown('connection closed');
    });
    this.#owned = redis;
    this.#client = redis;
    await new Promise<void>((resolve) => {
      redis.on('ready', () => resolve());
      redis.on('end', () => resolve());
    });
  }

  async #evaluate(
    client: FleetRedisClient,
    script: string,
    keys: readonly string[],
    args: ReadonlyArray<string | number>,
  ): Promise<unknown> {
    let sha = this.#shas.get(script);
    if (sha === undefined) {
      sha = createHash('sha1').update(script).digest('hex');
      this.#shas.set(script, sha);
    }
    try {
      return await client.evalsha(sha, keys.length, ...keys, ...args);
    } catch (error) {
      if (!String((error as Error)?.message).includes('NOSCRIPT')) throw error;
      return client.eval(script, keys.length, ...keys, ...args);
    }
  }

  #markUp(): void {
    if (this.#up || this.#closed) return;
    this.#up = true;
    clearTimeout(this.#probe);
    this.#events.up();
  }

  #markDown(reason: string): void {
    if (this.#closed) return;
    if (this.#up) {
      this.#up = false;
      this.#events.down(reason);
    }
    this.#scheduleProbe();
  }

  #scheduleProbe(): void {
    if (this.#probe !== undefined || this.#closed) return;
    this.#probe = setTimeout(() => {
      this.#probe = undefined;
      if (this.#up || this.#closed) return;
      this.run("return 'PONG'", [], []).catch(() => undefined);
    }, PROBE_EVERY_MS);
    this.#probe.unref();
  }
}

function bounded<T>(work: Promise<T>, ms: number, why: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    work,
    new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(why)), ms);
      timer.unref();
    }),
  ]).finally(() => clearTimeout(timer));
}
