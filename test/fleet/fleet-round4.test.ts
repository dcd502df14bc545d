/**
 * The fleet, trust round 4: a slow Redis link keeps the budget, one outage is one warning whatever
 * the error, and a worker whose own loop is busy never takes an idle Redis for a slow one.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AsyncSpotifyClient, type ClientOptions, type FleetRedisClient } from '../../src/index.js';
import { embedPage, fakeTrack } from '../../src/testing/index.js';
import { sendHtml, startLoopback, type Loopback } from '../helpers/loopback.js';
import { redisAvailable, startRedis, type RedisServer } from '../helpers/redis.js';
import { BASE_JITTER_MS, schedulingDelay, worstExcess } from '../helpers/schedule.js';

const available = redisAvailable('fleet, round 4');
let redis: RedisServer;
let server: Loopback;
let arrivals: number[] = [];

beforeAll(async () => {
  server = await startLoopback((request, res) => {
    arrivals.push(performance.now());
    sendHtml(res, embedPage(fakeTrack({ id: request.path.split('/').at(-1) as string })));
  });
  if (available) redis = await startRedis();
});

afterAll(async () => {
  await server.close();
  if (available) await redis.stop();
});

beforeEach(() => {
  arrivals = [];
});

function client(fleet: ClientOptions['fleet'], warnings: string[], extra: ClientOptions = {}): AsyncSpotifyClient {
  return new AsyncSpotifyClient({
    dispatcher: server.dispatcher,
    partnerApi: false,
    retry: false,
    rateLimit: { perSecond: 10, burst: 2 },
    fleet,
    onWarning: (message) => warnings.push(message),
    ...extra,
  });
}

const ids = (count: number) => Array.from({ length: count }, () => fakeTrack().id);
const outageWarnings = (warnings: string[]) => warnings.filter((w) => w.includes("fleet's Redis is unavailable"));

/** A real Redis behind a link that takes `delayMs()` for every command (each way together). */
function slowLink(real: Redis, delayMs: () => number): FleetRedisClient {
  const later = <T>(work: () => Promise<T>) =>
    new Promise<T>((resolve, reject) => setTimeout(() => work().then(resolve, reject), delayMs()));
  return {
    evalsha: (...args: Parameters<FleetRedisClient['evalsha']>) =>
      later(() => real.evalsha(...(args as [string, number]))),
    eval: (...args: Parameters<FleetRedisClient['eval']>) => later(() => real.eval(...(args as [string, number]))),
  } as FleetRedisClient;
}

describe.skipIf(!available)('#18 a slow Redis link keeps the shared budget', () => {
  it('answers of 0-500 ms for 4 s (some re-checked, some not; outages and rejoins): arrivals within burst + perSecond·t at the server', async () => {
    const real = new Redis(redis.url);
    const warnings: string[] = [];
    const delay = schedulingDelay();
    try {
      await using c = client({ redis: slowLink(real, () => Math.random() * 500), key: 'slow-link' }, warnings);
      const started = performance.now();
      const work = ids(60).map((id) => c.getTrack(id).catch(() => undefined));
      // Four seconds of traffic, then the rest is left to finish (not counted).
      await Promise.race([Promise.all(work), new Promise((resolve) => setTimeout(resolve, 4_000))]);
      const window = arrivals.filter((t) => t <= started + 4_000);
      expect(window.length).toBeGreaterThan(10);
      expect(worstExcess(window, 10, 2, BASE_JITTER_MS + delay.stop())).toBeLessThanOrEqual(0);
      await Promise.all(work);
    } finally {
      real.disconnect();
    }
  }, 30_000);
});

describe.skipIf(!available)('#19 one outage is one warning, whatever the error', () => {
  it('a schedule key of the wrong type (WRONGTYPE) for 60 calls: one warning', async () => {
    const real = new Redis(redis.url);
    try {
      await real.hset('{wrong-type:open.spotify.com}:tat', 'field', 'value');
      const warnings: string[] = [];
      await using c = client({ redis: redis.url, key: 'wrong-type' }, warnings, {
        rateLimit: { perSecond: 100, burst: 5 },
      });
      for (let round = 0; round < 6; round += 1) {
        await Promise.all(ids(10).map((id) => c.getTrack(id)));
        await new Promise((resolve) => setTimeout(resolve, 600)); // the link probes meanwhile
      }
      expect(outageWarnings(warnings)).toHaveLength(1);
    } finally {
      real.disconnect();
    }
  }, 30_000);
});

describe.skipIf(!available)('#22 a worker whose own loop is busy is not a Redis outage', () => {
  it('blocking its loop 150-300 ms at a time while it calls: no warning, no fallback', async () => {
    const warnings: string[] = [];
    await using c = client({ redis: redis.url, key: 'busy-loop' }, warnings, {
      rateLimit: { perSecond: 50, burst: 5 },
    });
    let blocking = true;
    const hog = (async () => {
      while (blocking) {
        const until = performance.now() + 150 + Math.random() * 150;
        while (performance.now() < until) {
          // the app's own CPU work
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    try {
      for (let round = 0; round < 8; round += 1) await Promise.all(ids(5).map((id) => c.getTrack(id)));
    } finally {
      blocking = false;
      await hog;
    }
    expect(warnings).toEqual([]);
    const real = new Redis(redis.url);
    try {
      // Every grant went through Redis: the rate this client stated is there.
      expect(await real.get('{busy-loop:open.spotify.com}:rate')).toBe('50/s burst 5');
    } finally {
      real.disconnect();
    }
  }, 30_000);
});
