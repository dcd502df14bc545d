import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type * as IORedis from 'ioredis';
import { optionError } from '../../errors.js';
import { LoopLag } from './loop-lag.js';
import type { FleetRedisClient } from './options.js';

/** An answer later than this is slow; SLOW_IN_A_ROW slow answers in a row count Redis as away. */
export const COMMAND_BOUND_MS = 200;
const SLOW_IN_A_ROW = 3;
/** No answer within this long is Redis failing (the caller goes on locally). */
const ANSWER_LIMIT_MS = 1_000;
/** However late this process's own loop runs, a command without an answer fails after this many times its bound. */
const WALL_FACTOR = 5;
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

/** One script call: what to run, and how to read its answer (throwing when it is not sane). */
export interface ScriptCall<T> {
  script: string;
  keys: readonly string[];
  args: ReadonlyArray<string | number>;
  read: (raw: unknown) => T;
}

/** An ioredis connection as the link drives it. */
interface OwnedRedis extends FleetRedisClient {
  on(event: string, listener: (...args: unknown[]) => void): unknown;
  quit(): Promise<unknown>;
  disconnect(): void;
}

/**
 * The fleet's connection to Redis: runs the Lua scripts (EVALSHA, EVAL once when Redis does not know a
 * script yet). A URL opens an ioredis connection the link owns, at once (ioredis is an optional peer
 * dependency, loaded only for a fleet; a missing one is an InvalidInputError at construction), with
 * reconnection backoff capped at 2 s and no offline queue; a client instance is borrowed and never
 * closed.
 *
 * Redis counts as away when a command fails, when its answer is not sane (see scripts.ts), when none
 * comes within ANSWER_LIMIT_MS, or after SLOW_IN_A_ROW answers slower than COMMAND_BOUND_MS: one slow
 * answer (a busy machine) is not an outage. Those times are Redis's own: the time this process's event
 * loop was late meanwhile (its own CPU work, or a loaded machine not running it) is not counted
 * (LoopLag), so a busy client never takes an idle Redis for a slow one. While away, the link probes with the call that failed (the
 * script the fleet depends on, on probe keys), and the outage ends only when that answers: one warning
 * per outage.
 */
export class RedisLink {
  #client: FleetRedisClient;
  readonly #owned: OwnedRedis | undefined;
  readonly #ready: Promise<void>;
  readonly #events: LinkEvents;
  #up = true;
  /**
   * An outage lasts until a call of the fleet's own succeeds, not just a probe: a probe that answers
   * lets calls try Redis again (`up`), but one that fails the way the outage began (a key of the wrong
   * type, a script Redis refuses) continues the same outage, without another warning.
   */
  #inOutage = false;
  #slowInARow = 0;
  #probeTimer: NodeJS.Timeout | undefined;
  #probeCall: ScriptCall<unknown> | undefined;
  #closed = false;
  readonly #shas = new Map<string, string>();
  readonly #lag = new LoopLag();

  /** @param probe what to run while Redis is away when no call has failed yet (a lost connection) */
  constructor(redis: string | FleetRedisClient, events: LinkEvents, probe: ScriptCall<unknown>) {
    this.#events = events;
    this.#probeCall = probe;
    if (typeof redis === 'string') {
      this.#owned = open(redis, {
        close: () => {
          if (!this.#closed) this.#markDown('connection closed');
        },
      });
      this.#client = this.#owned;
      const owned = this.#owned;
      this.#ready = new Promise<void>((resolve) => {
        owned.on('ready', () => resolve());
        owned.on('end', () => resolve());
      });
    } else {
      this.#client = redis;
      this.#ready = Promise.resolve();
    }
  }

  /** Whether Redis answered the last command (or probe). */
  get up(): boolean {
    return this.#up;
  }

  /**
   * Runs a script and reads its answer; rejects when Redis fails, answers nonsense or too late (and
   * reports the outage). `probe` is what to run while Redis is away if this fails (default: this call).
   */
  async run<T>(call: ScriptCall<T>, probe: ScriptCall<unknown> = call, isProbe = false): Promise<T> {
    if (this.#closed) throw new Error('the fleet link is closed');
    const started = performance.now();
    const mark = this.#lag.open();
    // Redis's own time so far: the wall time less what this process's loop was late.
    const own = (): number => performance.now() - started - this.#lag.lagSince(mark);
    try {
      await bounded(this.#ready, CONNECT_BOUND_MS, 'no connection', own);
      const raw = await bounded(this.#evaluate(call), ANSWER_LIMIT_MS, `no answer within ${ANSWER_LIMIT_MS} ms`, own);
      const value = call.read(raw);
      this.#answered(own());
      if (!isProbe && this.#up) this.#inOutage = false;
      return value;
    } catch (error) {
      this.#probeCall = probe;
      this.#markDown(error instanceof Error ? error.message : String(error));
      throw error;
    } finally {
      this.#lag.close(mark);
    }
  }

  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#probeTimer);
    const owned = this.#owned;
    if (!owned) return;
    // QUIT waits for Redis; one that never answers (or a connection not yet open) is dropped.
    const start = performance.now();
    await bounded(owned.quit(), 500, 'quit', () => performance.now() - start).catch(() => owned.disconnect());
  }

  async #evaluate(call: ScriptCall<unknown>): Promise<unknown> {
    const { script, keys, args } = call;
    let sha = this.#shas.get(script);
    if (sha === undefined) {
      sha = createHash('sha1').update(script).digest('hex');
      this.#shas.set(script, sha);
    }
    try {
      return await this.#client.evalsha(sha, keys.length, ...keys, ...args);
    } catch (error) {
      if (!String((error as Error)?.message).includes('NOSCRIPT')) throw error;
      return this.#client.eval(script, keys.length, ...keys, ...args);
    }
  }

  /** A sane answer: fast ones end an outage; slow ones in a row start one. */
  #answered(ms: number): void {
    if (ms <= COMMAND_BOUND_MS) {
      this.#slowInARow = 0;
      this.#markUp();
      return;
    }
    this.#slowInARow += 1;
    if (this.#slowInARow >= SLOW_IN_A_ROW)
      this.#markDown(`${this.#slowInARow} answers in a row slower than ${COMMAND_BOUND_MS} ms`);
  }

  #markUp(): void {
    if (this.#up || this.#closed) return;
    this.#up = true;
    clearTimeout(this.#probeTimer);
    this.#probeTimer = undefined;
    this.#events.up();
  }

  #markDown(reason: string): void {
    if (this.#closed) return;
    if (this.#up) {
      this.#up = false;
      if (!this.#inOutage) this.#events.down(reason);
      this.#inOutage = true;
    }
    this.#scheduleProbe();
  }

  #scheduleProbe(): void {
    if (this.#probeTimer !== undefined || this.#closed) return;
    this.#probeTimer = setTimeout(() => {
      this.#probeTimer = undefined;
      if (this.#up || this.#closed) return;
      const call = this.#probeCall;
      if (call) this.run(call, call, true).catch(() => undefined);
    }, PROBE_EVERY_MS);
    this.#probeTimer.unref();
  }
}

/** Opens an ioredis connection (loaded now: ioredis is CommonJS, an optional peer dependency). */
function open(url: string, on: { close: () => void }): OwnedRedis {
  let Redis: typeof IORedis.Redis;
  try {
    ({ Redis } = createRequire(import.meta.url)('ioredis') as typeof IORedis);
  } catch {
    throw optionError(
      'fleet.redis',
      'as a URL needs the package ioredis, which is not installed: npm install ioredis@5',
    );
  }
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: CONNECT_BOUND_MS,
    retryStrategy: (times: number) => Math.min(100 * 2 ** times, 2_000),
  }) as unknown as OwnedRedis;
  // Errors are reported as outages by the commands they fail; the event itself must have a listener.
  redis.on('error', () => undefined);
  redis.on('close', on.close);
  return redis;
}

/**
 * `work`, or a rejection once `own()` (the time that counts, not the process's own lateness) passes
 * `ms`, or the wall time passes WALL_FACTOR times `ms` whatever the lateness.
 */
function bounded<T>(work: Promise<T>, ms: number, why: string, own: () => number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const started = performance.now();
  return Promise.race([
    work,
    new Promise<never>((_resolve, reject) => {
      const arm = (wait: number): void => {
        timer = setTimeout(() => {
          const left = ms - own();
          if (left <= 0 || performance.now() - started >= ms * WALL_FACTOR) reject(new Error(why));
          else arm(left);
        }, wait);
        timer.unref();
      };
      arm(ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
