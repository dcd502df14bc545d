import { DEFAULTS } from '../defaults.js';
import { RateLimitedError, optionError } from '../errors.js';
import type { Clock } from './clock.js';
import { quote } from '../redact.js';
import { WaitQueue, failWaiter, settleWaiter, waitInQueue, type Waiter } from './waiters.js';

/** A rate as the bucket uses it: `burst` requests at once, refilled at `perSecond`. */
export interface RateLimitSettings {
  /** Tokens added per second (may be fractional, e.g. 0.5 = one request every 2 s). */
  perSecond: number;
  /** Bucket size: how many requests may go out at once after a quiet period. */
  burst: number;
}

/** What `new RateLimit(...)` (and the `rateLimit` option) takes; a field left out is its default. */
export interface RateLimitOptions {
  /** Tokens added per second. @default 2 */
  perSecond?: number | undefined;
  /** How many requests may go out at once. @default 5 */
  burst?: number | undefined;
}

/** An immutable, validated rate: `new RateLimit({ perSecond: 2, burst: 5 })`. */
export class RateLimit implements RateLimitSettings {
  readonly perSecond: number;
  readonly burst: number;

  constructor(settings: RateLimitOptions = {}) {
    const { perSecond = DEFAULTS.rateLimit.perSecond, burst = DEFAULTS.rateLimit.burst } = settings ?? {};
    if (typeof perSecond !== 'number' || !Number.isFinite(perSecond) || perSecond <= 0) {
      throw optionError('perSecond', `must be a finite number > 0, got ${quote(perSecond)}`, 'RateLimit.');
    }
    if (typeof burst !== 'number' || !Number.isInteger(burst) || burst < 1) {
      throw optionError('burst', `must be a whole number >= 1, got ${quote(burst)}`, 'RateLimit.');
    }
    this.perSecond = perSecond;
    this.burst = burst;
    Object.freeze(this);
  }
}

// Floating-point refills land a hair under 1 after waiting exactly the computed time.
const EPSILON = 1e-9;

/**
 * A token bucket, starting full. `take()` resolves when a token is available; waiters are served in
 * arrival order (FIFO), so a late caller never overtakes an earlier one. `pause()` holds everyone
 * (a 429's Retry-After). One timer at most is pending, and none once no one waits.
 */
export class TokenBucket {
  readonly limit: RateLimit;
  readonly #host: string;
  readonly #maxWaitMs: number;
  readonly #clock: Clock;
  #tokens: number;
  #updatedAt: number;
  #pausedUntil = Number.NEGATIVE_INFINITY;
  readonly #queue = new WaitQueue();
  #timer: AbortController | null = null;

  /**
   * @param host the host the bucket is for (messages only)
   * @param maxWaitMs a caller that would wait behind a pause longer than this is refused at once
   */
  constructor(limit: RateLimit, clock: Clock, host = 'the host', maxWaitMs = Infinity) {
    this.limit = limit;
    this.#clock = clock;
    this.#host = host;
    this.#maxWaitMs = maxWaitMs;
    this.#tokens = limit.burst;
    this.#updatedAt = clock.now();
  }

  /** Takes a token: undefined when one was free at once (no await needed), else a promise of one. */
  take(signal?: AbortSignal): Promise<void> | undefined {
    if (signal?.aborted) return Promise.reject(signal.reason);
    const paused = this.#pausedUntil - this.#clock.now();
    if (paused > this.#maxWaitMs) return Promise.reject(pausedTooLong(this.#host, paused, this.#maxWaitMs));
    this.#refill();
    if (this.#queue.length === 0 && this.#ready()) {
      this.#tokens -= 1;
      return undefined;
    }
    return waitInQueue(
      this.#queue,
      signal,
      () => this.#schedule(),
      () => this.#abandoned(),
    );
  }

  /** Holds every caller until `untilMs` (clock time). A later pause extends, an earlier one is ignored. */
  pause(untilMs: number): void {
    if (untilMs <= this.#pausedUntil) return;
    this.#pausedUntil = untilMs;
    // Callers that would now wait longer than they may are refused at once, not held for the hour.
    const paused = untilMs - this.#clock.now();
    if (paused > this.#maxWaitMs) {
      for (let waiter = this.#queue.shift(); waiter; waiter = this.#queue.shift())
        failWaiter(waiter, pausedTooLong(this.#host, paused, this.#maxWaitMs));
      this.#abandoned();
      return;
    }
    if (this.#queue.length > 0) this.#reschedule();
  }

  /**
   * Empties the bucket now, but for a fraction of a token (`phase`, 0 to 1): the next token comes at
   * the refill rate, with no burst. Fleet processes falling back at the same moment draw their phase
   * at random, so their first local tokens do not all come at once either.
   */
  drain(phase = 0): void {
    this.#refill();
    this.#tokens = Math.min(this.#tokens, Math.max(0, Math.min(phase, 0.999)));
  }

  /** Until when (clock time) the bucket is paused; -Infinity when it never was. */
  get pausedUntil(): number {
    return this.#pausedUntil;
  }

  /** How many callers are waiting. */
  get pending(): number {
    return this.#queue.length;
  }

  #ready(): boolean {
    return this.#tokens >= 1 - EPSILON && this.#clock.now() >= this.#pausedUntil;
  }

  #refill(): void {
    const now = this.#clock.now();
    const elapsed = Math.max(0, now - this.#updatedAt);
    this.#tokens = Math.min(this.limit.burst, this.#tokens + (elapsed * this.limit.perSecond) / 1000);
    this.#updatedAt = now;
  }

  #pump(): void {
    this.#timer = null;
    this.#refill();
    while (this.#queue.length > 0 && this.#ready()) {
      this.#tokens -= 1;
      settleWaiter(this.#queue.shift() as Waiter);
    }
    if (this.#queue.length > 0) this.#schedule();
  }

  #schedule(): void {
    if (this.#timer) return;
    const now = this.#clock.now();
    const forToken = ((1 - this.#tokens) * 1000) / this.limit.perSecond;
    const wait = Math.max(0, this.#pausedUntil - now, forToken);
    const timer = new AbortController();
    this.#timer = timer;
    this.#clock.sleep(wait, timer.signal).then(
      () => {
        if (this.#timer === timer) this.#pump();
      },
      () => undefined,
    );
  }

  #reschedule(): void {
    this.#timer?.abort();
    this.#timer = null;
    this.#schedule();
  }

  /** A waiter left (its signal aborted): no timer stays armed for nobody. */
  #abandoned(): void {
    if (this.#queue.length === 0) {
      this.#timer?.abort();
      this.#timer = null;
    }
  }
}

/** What the HTTP layer asks of a rate limiter: a token per request, and a pause after a 429. */
export interface HostLimiter {
  /** A token for `host`: undefined when granted at once, else a promise (rejecting on abort). */
  take(host: string, signal?: AbortSignal): Promise<void> | undefined;
  /** Holds the host for `ms`. */
  pause(host: string, ms: number): void;
  /** Frees what the limiter holds (a Redis connection). */
  close?(): Promise<void>;
}

/** One bucket per host, created on first use; a host whose limit is `false` is not limited. */
export class HostRateLimiter implements HostLimiter {
  readonly #clock: Clock;
  readonly #buckets = new Map<string, TokenBucket | null>();

  constructor(
    readonly defaultLimit: RateLimit | false,
    readonly hostLimits: ReadonlyMap<string, RateLimit | false>,
    clock: Clock,
    /** A caller that would wait behind a 429's pause longer than this is refused (RateLimitedError). */
    readonly maxWaitMs = Infinity,
  ) {
    this.#clock = clock;
  }

  /** The limit that applies to `host`. */
  limitFor(host: string): RateLimit | false {
    return this.hostLimits.get(host.toLowerCase()) ?? this.defaultLimit;
  }

  /** A token for `host`: undefined when granted at once, else a promise (rejecting on abort). */
  take(host: string, signal?: AbortSignal): Promise<void> | undefined {
    const bucket = this.#bucket(host);
    if (bucket) return bucket.take(signal);
    return signal?.aborted ? Promise.reject(signal.reason) : undefined;
  }

  /** Holds the host for `ms` for every caller of this client. */
  pause(host: string, ms: number): void {
    this.#bucket(host)?.pause(this.#clock.now() + ms);
  }

  /** Empties the host's bucket (a fleet falling back to it must not start with a burst). */
  drain(host: string, phase = 0): void {
    this.#bucket(host)?.drain(phase);
  }

  #bucket(host: string): TokenBucket | null {
    const key = host.toLowerCase();
    let bucket = this.#buckets.get(key);
    if (bucket === undefined) {
      const limit = this.hostLimits.get(key) ?? this.defaultLimit;
      bucket = limit === false ? null : new TokenBucket(limit, this.#clock, key, this.maxWaitMs);
      this.#buckets.set(key, bucket);
    }
    return bucket;
  }
}

/** The error of a call that would wait behind a pause longer than it may (SPEC §4: `maxDelayMs`). */
export function pausedTooLong(host: string, pausedMs: number, maxWaitMs: number): RateLimitedError {
  const ms = Math.ceil(pausedMs);
  return new RateLimitedError(
    `${host} is paused for another ${ms} ms by a 429's Retry-After, longer than maxDelayMs (${maxWaitMs} ms)`,
    { url: `https://${host}/`, status: 429, retryAfterMs: ms },
  );
}
