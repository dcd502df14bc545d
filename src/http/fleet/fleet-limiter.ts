import type { Clock } from '../clock.js';
import { HostRateLimiter, RateLimit, type HostLimiter } from '../rate-limit.js';
import type { ResolvedFleet } from './options.js';
import { WaitQueue, failWaiter, settleWaiter, waitInQueue, type Waiter } from '../waiters.js';
import { RedisLink } from './redis-link.js';
import { pausedTooLong } from '../rate-limit.js';
import { CHECK, PAUSE, RESERVE, bucketKeys, readMs, readReservation, type Reservation } from './scripts.js';

interface HostQueue {
  waiters: WaitQueue;
  /** Grants under way (reservations asked for and not yet granted, or local tokens awaited). */
  outstanding: number;
  /** Which bucket the grants under way use: a process never draws from both at once. */
  mode: 'redis' | 'local';
  /** The next reservation rejoins the shared schedule after an outage: it starts it empty (no burst). */
  rejoining: boolean;
  /** The local bucket was emptied for this outage (it is, once, before its first local grant). */
  drained: boolean;
}

/** How many of a process's waiters hold a reservation at once, per host: what an abort or a crash can waste. */
const MAX_AHEAD = 4;
/** A grant that waited longer re-checks the pause before it goes (a 429 may have come meanwhile). */
const RECHECK_AFTER_MS = 100;
/** "Any pause" for a client that may wait without bound (Lua numbers; a year). */
const MAX_WAIT_ARG = 31_536_000_000;

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
  /**
   * This process's own sends at the full rate: a grant goes only when the shared schedule's slot has
   * come and this bucket has a token. The shared schedule alone is kept at the server only when every
   * grant goes at its slot; a slow link (or a re-check of a pause) sends some late and others on time,
   * which packs them closer than the schedule, and so do the seams between the shared and the local
   * bucket. This bucket keeps one process's own sends within burst + perSecond·t whatever Redis does.
   */
  readonly #pace: HostRateLimiter;
  readonly #queues = new Map<string, HostQueue>();

  readonly #limits: HostRateLimiter;
  readonly #fleet: ResolvedFleet;
  readonly #clock: Clock;
  readonly #warn: (message: string) => void;
  /** Hosts whose other rate on the same key was already reported. */
  readonly #rateWarned = new Set<string>();

  constructor(limits: HostRateLimiter, fleet: ResolvedFleet, clock: Clock, warn: (message: string) => void) {
    this.#limits = limits;
    this.#fleet = fleet;
    this.#clock = clock;
    this.#warn = warn;

    const share = (limit: RateLimit | false): RateLimit | false =>
      limit === false
        ? false
        : new RateLimit({ perSecond: limit.perSecond / fleet.workers, burst: Math.ceil(limit.burst / fleet.workers) });
    this.#pace = new HostRateLimiter(limits.defaultLimit, limits.hostLimits, clock, limits.maxWaitMs);
    this.#local = new HostRateLimiter(
      share(limits.defaultLimit),
      new Map([...limits.hostLimits].map(([host, limit]) => [host, share(limit)])),
      clock,
      limits.maxWaitMs,
    );
    const probeKeys = bucketKeys(fleet.key, 'probe');
    this.#link = new RedisLink(
      fleet.redis,
      {
        down: (reason) =>
          warn(
            `The fleet's Redis is unavailable (${reason}): this client goes on with a local bucket at perSecond / ${fleet.workers} worker(s) until Redis answers again`,
          ),
        up: () => undefined,
      },
      // The grant script itself, on keys of its own: Redis is back when what the fleet needs works.
      {
        script: RESERVE,
        keys: [probeKeys.tat, probeKeys.pause, probeKeys.rate],
        args: [1, 1, 0, 0, 'probe'],
        read: readReservation,
      },
    );
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
    const { pause } = bucketKeys(this.#fleet.key, host);
    this.#link
      .run(
        { script: PAUSE, keys: [pause], args: [Math.ceil(ms)], read: readMs },
        { script: CHECK, keys: [pause], args: [], read: readMs },
      )
      .catch(() => undefined);
  }

  close(): Promise<void> {
    return this.#link.close();
  }

  #queue(host: string): HostQueue {
    let queue = this.#queues.get(host);
    if (!queue) {
      queue = { waiters: new WaitQueue(), outstanding: 0, mode: 'redis', rejoining: false, drained: false };
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
      // Neither switch releases a burst: the local bucket starts empty (#grantLocally), the shared
      // schedule too.
      if (wanted === 'redis') {
        queue.rejoining = true;
        queue.drained = false;
      }
    }
    while (queue.waiters.length > 0 && queue.outstanding < MAX_AHEAD) {
      const waiter = queue.waiters.shift() as Waiter;
      queue.outstanding += 1;
      const grant = queue.mode === 'redis' ? this.#grant(host, queue, waiter) : this.#grantLocally(host, queue, waiter);
      void grant.finally(() => {
        queue.outstanding -= 1;
        this.#pump(host, queue);
      });
    }
  }

  async #grantLocally(host: string, queue: HostQueue, waiter: Waiter): Promise<void> {
    if (!queue.drained) {
      queue.drained = true;
      this.#local.drain(host, Math.random());
    }
    try {
      await this.#local.take(host, waiter.signal);
      await this.#pace.take(host, waiter.signal);
      this.#settle(waiter, null);
    } catch (reason) {
      this.#settle(waiter, { reason });
    }
  }

  /** Reserves the waiter's slot and sleeps until it; falls back to the local bucket if Redis fails. */
  async #grant(host: string, queue: HostQueue, waiter: Waiter): Promise<void> {
    const { signal } = waiter;
    try {
      for (;;) {
        const reservation = await this.#reserve(host, queue);
        if ('pausedMs' in reservation) return this.#refuse(waiter, host, reservation.pausedMs);
        const wait = reservation.waitMs;
        if (wait <= 0) break;
        await this.#clock.sleep(wait, signal);
        if (wait <= RECHECK_AFTER_MS) break;
        const { pause } = bucketKeys(this.#fleet.key, host);
        const paused = await this.#link.run({ script: CHECK, keys: [pause], args: [], read: readMs });
        if (paused <= 0) break;
        if (paused > this.#limits.maxWaitMs) return this.#refuse(waiter, host, paused);
        await this.#clock.sleep(paused, signal);
      }
      await this.#pace.take(host, signal);
      this.#settle(waiter, null);
    } catch {
      if (signal?.aborted) return this.#settle(waiter, { reason: signal.reason });
      // Redis failed (the link reported it): this waiter goes on with the local bucket.
      await this.#grantLocally(host, queue, waiter);
    }
  }

  /** One RESERVE: the waiter's slot, a pause too long to wait, and another client's rate (warned once). */
  async #reserve(host: string, queue: HostQueue): Promise<Reservation> {
    const limit = this.#limits.limitFor(host) as RateLimit;
    const keys = bucketKeys(this.#fleet.key, host);
    const rate = `${limit.perSecond}/s burst ${limit.burst}`;
    const maxWait = Number.isFinite(this.#limits.maxWaitMs) ? this.#limits.maxWaitMs : MAX_WAIT_ARG;
    const args = (rejoin: boolean) => [1000 / limit.perSecond, limit.burst, maxWait, rejoin ? 1 : 0, rate];
    const rejoin = queue.rejoining;
    queue.rejoining = false;
    const reservation = await this.#link.run(
      { script: RESERVE, keys: [keys.tat, keys.pause, keys.rate], args: args(rejoin), read: readReservation },
      // While Redis is away, the probe runs the same script on keys of its own.
      {
        script: RESERVE,
        keys: [`${keys.tat}:probe`, `${keys.pause}:probe`, `${keys.rate}:probe`],
        args: args(false),
        read: readReservation,
      },
    );
    if ('otherRate' in reservation && reservation.otherRate !== undefined && !this.#rateWarned.has(host)) {
      this.#rateWarned.add(host);
      this.#warn(
        `Clients on the fleet key ${JSON.stringify(this.#fleet.key)} use different rates for ${host} (this one ${rate}, another ${JSON.stringify(reservation.otherRate.slice(0, 60))}): they share one schedule, so the slower rate starves the faster; give them the same rateLimit`,
      );
    }
    return reservation;
  }

  #refuse(waiter: Waiter, host: string, pausedMs: number): void {
    this.#settle(waiter, { reason: pausedTooLong(host, pausedMs, this.#limits.maxWaitMs) });
  }

  #settle(waiter: Waiter, failure: { reason: unknown } | null): void {
    if (failure === null) settleWaiter(waiter);
    else failWaiter(waiter, failure.reason);
  }
}
