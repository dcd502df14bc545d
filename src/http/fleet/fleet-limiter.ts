import type { Clock } from '../clock.js';
import { HostRateLimiter, RateLimit, type HostLimiter } from '../rate-limit.js';
import type { ResolvedFleet } from './options.js';
import { WaitQueue, failWaiter, settleWaiter, waitInQueue, type Waiter } from '../waiters.js';
import { RedisLink } from './redis-link.js';
import { CHECK, PAUSE, RESERVE, bucketKeys } from './scripts.js';

interface HostQueue {
  waiters: WaitQueue;
  /** Grants under way (reservations asked for and not yet granted, or local tokens awaited). */
  outstanding: number;
  /** Which bucket the grants under way use: a process never draws from both at once. */
  mode: 'redis' | 'local';
}

/** How many of a process's waiters hold a reservation at once, per host: what an abort or a crash can waste. */
const MAX_AHEAD = 4;
/** A grant that waited longer re-checks the pause before it goes (a 429 may have come meanwhile). */
const RECHECK_AFTER_MS = 100;

/**
 * One politeness budget for every client naming the same Redis and key (SPEC §8). Each request takes
 * its slot from the host's schedule in Redis (one atomic script, time from Redis) and sleeps until it;
 * a grant that waited long re-checks a 429's fleet-wide pause first. Waiters keep their local FIFO
 * order and stay abortable. When Redis is away or slow, calls go on with a local bucket at
 * `perSecond / workers` (`onWarning` says so once per outage) and rejoin the shared one when Redis
 * answers again.
 */
export class FleetLimiter implements HostLimiter {
  readonly #link: RedisLink;
  readonly #local: HostRateLimiter;
  readonly #queues = new Map<string, HostQueue>();

  readonly #limits: HostRateLimiter;
  readonly #fleet: ResolvedFleet;
  readonly #clock: Clock;

  constructor(limits: HostRateLimiter, fleet: ResolvedFleet, clock: Clock, warn: (message: string) => void) {
    this.#limits = limits;
    this.#fleet = fleet;
    this.#clock = clock;

    const share = (limit: RateLimit | false): RateLimit | false =>
      limit === false
        ? false
        : new RateLimit({ perSecond: limit.perSecond / fleet.workers, burst: Math.ceil(limit.burst / fleet.workers) });
    this.#local = new HostRateLimiter(
      share(limits.defaultLimit),
      new Map([...limits.hostLimits].map(([host, limit]) => [host, share(limit)])),
      clock,
    );
    this.#link = new RedisLink(fleet.redis, {
      down: (reason) =>
        warn(
          `The fleet's Redis is unavailable (${reason}): this client goes on with a local bucket at perSecond / ${fleet.workers} worker(s) until Redis answers again`,
        ),
      up: () => undefined,
    });
  }

  take(host: string, signal?: AbortSignal): Promise<void> | undefined {
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.#limits.limitFor(host) === false) return undefined;
    const queue = this.#queue(host);
    return waitInQueue(queue.waiters, signal, () => this.#pump(host, queue));
  }

  /** Holds the host for `ms` for the whole fleet (on Redis time), and for this client's local bucket. */
  pause(host: string, ms: number): void {
    this.#local.pause(host, ms);
    if (this.#limits.limitFor(host) === false) return;
    this.#link.run(PAUSE, [bucketKeys(this.#fleet.key, host).pause], [Math.ceil(ms)]).catch(() => undefined);
  }

  close(): Promise<void> {
    return this.#link.close();
  }

  #queue(host: string): HostQueue {
    let queue = this.#queues.get(host);
    if (!queue) {
      queue = { waiters: new WaitQueue(), outstanding: 0, mode: 'redis' };
      this.#queues.set(host, queue);
    }
    return queue;
  }

  /**
   * Starts grants in FIFO order, at most MAX_AHEAD at once. The bucket follows Redis being up or away,
   * but changes only when the grants under way have finished: a process never draws from the local
   * and the shared bucket at the same time (which would add the two rates).
   */
  #pump(host: string, queue: HostQueue): void {
    const wanted = this.#link.up ? 'redis' : 'local';
    if (wanted !== queue.mode) {
      if (queue.outstanding > 0) return;
      queue.mode = wanted;
    }
    while (queue.waiters.length > 0 && queue.outstanding < MAX_AHEAD) {
      const waiter = queue.waiters.shift() as Waiter;
      queue.outstanding += 1;
      const grant = queue.mode === 'redis' ? this.#grant(host, waiter) : this.#grantLocally(host, waiter);
      void grant.finally(() => {
        queue.outstanding -= 1;
        this.#pump(host, queue);
      });
    }
  }

  async #grantLocally(host: string, waiter: Waiter): Promise<void> {
    try {
      await this.#local.take(host, waiter.signal);
      this.#settle(waiter, null);
    } catch (reason) {
      this.#settle(waiter, { reason });
    }
  }

  /** Reserves the waiter's slot and sleeps until it; falls back to the local bucket if Redis fails. */
  async #grant(host: string, waiter: Waiter): Promise<void> {
    const limit = this.#limits.limitFor(host) as RateLimit;
    const keys = bucketKeys(this.#fleet.key, host);
    const { signal } = waiter;
    try {
      for (;;) {
        const wait = Number(
          await this.#link.run(RESERVE, [keys.tat, keys.pause], [1000 / limit.perSecond, limit.burst]),
        );
        if (wait <= 0) break;
        await this.#clock.sleep(wait, signal);
        if (wait <= RECHECK_AFTER_MS) break;
        const paused = Number(await this.#link.run(CHECK, [keys.pause], []));
        if (paused <= 0) break;
        await this.#clock.sleep(paused, signal);
      }
      this.#settle(waiter, null);
    } catch {
      if (signal?.aborted) return this.#settle(waiter, { reason: signal.reason });
      // Redis failed (the link reported it): this waiter goes on with the local bucket.
      await this.#grantLocally(host, waiter);
    }
  }

  #settle(waiter: Waiter, failure: { reason: unknown } | null): void {
    if (failure === null) settleWaiter(waiter);
    else failWaiter(waiter, failure.reason);
  }
}
