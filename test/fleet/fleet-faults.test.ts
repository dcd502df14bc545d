/**
 * The fleet under faults (round 3 of the red team): answers that are not sane numbers, a client
 * closed before its connection opened, fallbacks and rejoins that would burst, long pauses, a script
 * that keeps failing, clients with different rates, a FLUSHALL. Each test failed before its fix.
 */
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AsyncSpotifyClient, RateLimitedError, type ClientOptions, type FleetRedisClient } from '../../src/index.js';
import { embedPage, fakeTrack } from '../../src/testing/index.js';
import { sendHtml, startLoopback, type Loopback } from '../helpers/loopback.js';
import { redisAvailable, startRedis, type RedisServer } from '../helpers/redis.js';
import { runNode } from '../helpers/run-process.js';
import { BASE_JITTER_MS, schedulingDelay, worstExcess } from '../helpers/schedule.js';

const available = redisAvailable('fleet under faults');
let redis: RedisServer;
let server: Loopback;
let arrivals: number[] = [];
/** When set, the next page request is answered 429 with this Retry-After (s). */
let throttleSeconds: number | undefined;

beforeAll(async () => {
  server = await startLoopback((request, res) => {
    arrivals.push(performance.now());
    if (throttleSeconds !== undefined) {
      const seconds = throttleSeconds;
      throttleSeconds = undefined;
      return sendHtml(res, 'slow down', 429, { 'retry-after': String(seconds) });
    }
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
  throttleSeconds = undefined;
});

function client(fleet: ClientOptions['fleet'], warnings: string[], extra: ClientOptions = {}): AsyncSpotifyClient {
  return new AsyncSpotifyClient({
    dispatcher: server.dispatcher,
    partnerApi: false,
    retry: false,
    rateLimit: { perSecond: 20, burst: 2 },
    fleet,
    onWarning: (message) => warnings.push(message),
    ...extra,
  });
}

const ids = (count: number) => Array.from({ length: count }, () => fakeTrack().id);

/** A borrowed "Redis" that answers every script with `answer`, counting the calls. */
function fakeRedis(answer: () => Promise<unknown>): FleetRedisClient & { calls: number } {
  const fake = {
    calls: 0,
    evalsha: () => {
      fake.calls += 1;
      return answer();
    },
    eval: () => {
      fake.calls += 1;
      return answer();
    },
  };
  return fake;
}

describe('answers that are not sane numbers', () => {
  it.each<[string, unknown]>([
    ['garbage', 'garbage'],
    ['nil', null],
    ['nan', 'nan'],
    ['inf', 'inf'],
    ['1e308', '1e308'],
    ['undefined from a borrowed client', undefined],
  ])('%s: one warning, the local bucket, a probe — never a spin or a sleep for ever', async (_name, answer) => {
    const warnings: string[] = [];
    const fake = fakeRedis(() => Promise.resolve(answer));
    await using c = client({ redis: fake, key: 'insane' }, warnings);
    await expect(Promise.all(ids(3).map((id) => c.getTrack(id)))).resolves.toHaveLength(3);
    const afterCalls = fake.calls;
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    // Before the fix the grant loop ran 650-810 scripts a second; now one probe every 500 ms.
    expect(fake.calls - afterCalls).toBeLessThanOrEqual(4);
    expect(warnings.filter((w) => w.includes("fleet's Redis is unavailable"))).toHaveLength(1);
  });
});

describe('a script that keeps failing', () => {
  it('is one outage, announced once, however long it lasts', async () => {
    const warnings: string[] = [];
    // The grant script fails (think OOM); anything else would answer.
    const failing: FleetRedisClient = {
      evalsha: () => Promise.reject(new Error('NOSCRIPT No matching script')),
      eval: (script: string) =>
        script.includes('tolerance') ? Promise.reject(new Error('OOM command not allowed')) : Promise.resolve('0'),
    };
    await using c = client({ redis: failing, key: 'oom' }, warnings);
    for (let round = 0; round < 4; round += 1) {
      await c.getTrack(fakeTrack().id);
      await new Promise((resolve) => setTimeout(resolve, 600));
    }
    expect(warnings.filter((w) => w.includes("fleet's Redis is unavailable"))).toHaveLength(1);
  });
});

describe('one slow answer', () => {
  it('is not an outage: no fallback, no warning', async () => {
    const warnings: string[] = [];
    let first = true;
    const slowOnce = fakeRedis(async () => {
      if (first) {
        first = false;
        await new Promise((resolve) => setTimeout(resolve, 400));
      }
      return '0';
    });
    await using c = client({ redis: slowOnce, key: 'slow-once' }, warnings);
    await Promise.all(ids(4).map((id) => c.getTrack(id)));
    expect(warnings).toEqual([]);
  });
});

describe.skipIf(!available)('on a real Redis', () => {
  it('a client closed before its connection opened lets the process exit', async () => {
    const script = join(import.meta.dirname, '..', 'helpers', 'close-at-once.ts');
    const delay = schedulingDelay();
    const result = await runNode(['--import', 'tsx', script, redis.url]);
    delay.stop();
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('closed');
  }, 20_000);

  it('the CLI with a bad value and --fleet-redis exits at once (exit code 2), not hanging on Redis', async () => {
    const bin = join(import.meta.dirname, '..', '..', 'dist', 'cli.js');
    const result = await runNode([bin, 'track', 'not-an-id', '--fleet-redis', redis.url, '--no-progress']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Not a Spotify id/);
  }, 20_000);

  it('Redis down for 20 workers sharing burst 5: the local buckets start empty, no burst of 20', async () => {
    const warnings: string[] = [];
    const delay = schedulingDelay();
    const workers = Array.from({ length: 20 }, () =>
      client({ redis: 'redis://127.0.0.1:1', key: 'down', workers: 20 }, warnings, {
        rateLimit: { perSecond: 20, burst: 5 },
      }),
    );
    await Promise.all(workers.flatMap((w) => ids(2).map((id) => w.getTrack(id))));
    await Promise.all(workers.map((w) => w.close()));
    expect(arrivals).toHaveLength(40);
    // Before: all 20 went out at once. The phases are random, so a little allowance: at most 2 over.
    expect(worstExcess(arrivals, 20, 5, BASE_JITTER_MS + delay.stop())).toBeLessThanOrEqual(2);
  }, 20_000);

  it('a 429 pause longer than maxDelayMs refuses the other callers at once, in every client of the fleet', async () => {
    const warnings: string[] = [];
    await using a = client({ redis: redis.url, key: 'long-pause' }, warnings, {
      retry: { maxAttempts: 2, baseDelayMs: 10, maxDelayMs: 1_000 },
    });
    await using b = client({ redis: redis.url, key: 'long-pause' }, warnings, {
      retry: { maxAttempts: 2, baseDelayMs: 10, maxDelayMs: 1_000 },
    });
    await a.getTrack(fakeTrack().id); // both connected
    await b.getTrack(fakeTrack().id);
    throttleSeconds = 3_600;
    await expect(a.getTrack(fakeTrack().id)).rejects.toMatchObject({ retryAfterMs: 3_600_000 });
    await new Promise((resolve) => setTimeout(resolve, 100)); // the pause reaches Redis
    const refused = await b.getTrack(fakeTrack().id).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(RateLimitedError);
    expect((refused as RateLimitedError).retryAfterMs).toBeGreaterThan(3_500_000);
    const local = await a.getTrack(fakeTrack().id).catch((error: unknown) => error);
    expect(local).toBeInstanceOf(RateLimitedError);
    expect(warnings).toEqual([]);
  });

  it('a client that rejoins after an outage starts the shared schedule empty: no burst', async () => {
    const warnings: string[] = [];
    const [perSecond, burst] = [20, 10];
    const real = new Redis(redis.url);
    // Redis "away" for this client only, keeping its data: the schedule it rejoins is an old, full one.
    const link = { away: false };
    const borrowed: FleetRedisClient = {
      evalsha: (...args: Parameters<FleetRedisClient['evalsha']>) =>
        link.away ? Promise.reject(new Error('connection lost')) : real.evalsha(...args),
      eval: (...args: Parameters<FleetRedisClient['eval']>) =>
        link.away ? Promise.reject(new Error('connection lost')) : real.eval(...args),
    };
    try {
      await using c = client({ redis: borrowed, key: 'rejoin', workers: 2 }, warnings, {
        rateLimit: { perSecond, burst },
      });
      await c.getTrack(fakeTrack().id);
      link.away = true;
      await Promise.all(ids(2).map((id) => c.getTrack(id)));
      link.away = false;
      await new Promise((resolve) => setTimeout(resolve, 1_200)); // the probe sees Redis back; the old schedule is full
      await c.getTrack(fakeTrack().id); // the first grant after the rejoin
      const tat = Number(await real.get('{rejoin:open.spotify.com}:tat'));
      const [seconds, micros] = (await real.time()) as unknown as [string, string];
      const now = Number(seconds) * 1000 + Number(micros) / 1000;
      // It started the schedule empty: the next slot is a whole burst's worth ahead (before the fix,
      // one interval: the rejoining client had the full burst to itself).
      expect(tat - now).toBeGreaterThan((burst - 1) * (1000 / perSecond) - 200);
      expect(warnings.filter((w) => w.includes("fleet's Redis is unavailable"))).toHaveLength(1);
    } finally {
      real.disconnect();
    }
  }, 20_000);

  it('clients on one key with different rates are warned about', async () => {
    const warnings: string[] = [];
    await using fast = client({ redis: redis.url, key: 'two-rates' }, warnings, {
      rateLimit: { perSecond: 50, burst: 2 },
    });
    await using slow = client({ redis: redis.url, key: 'two-rates' }, warnings, {
      rateLimit: { perSecond: 5, burst: 2 },
    });
    await fast.getTrack(fakeTrack().id);
    await slow.getTrack(fakeTrack().id);
    expect(warnings.some((w) => /use different rates for open\.spotify\.com/.test(w))).toBe(true);
  });

  it('a FLUSHALL does not let the fleet through at once: a schedule Redis lost starts empty', async () => {
    const warnings: string[] = [];
    const [perSecond, burst] = [20, 30];
    const probe = new Redis(redis.url);
    try {
      await using a = client({ redis: redis.url, key: 'flushed' }, warnings, { rateLimit: { perSecond, burst } });
      await using b = client({ redis: redis.url, key: 'flushed' }, warnings, { rateLimit: { perSecond, burst } });
      await a.getTrack(fakeTrack().id);
      await b.getTrack(fakeTrack().id);
      await new Promise((resolve) => setTimeout(resolve, 1_600)); // the burst refills
      arrivals = [];
      const delay = schedulingDelay();
      const calls = [...ids(30).map((id) => a.getTrack(id)), ...ids(30).map((id) => b.getTrack(id))];
      await new Promise((resolve) => setTimeout(resolve, 400));
      await probe.flushall();
      await Promise.all(calls);
      // Before: a second burst after the flush (13.6 over when measured). Now only the reservations under
      // way (at most 4 per client) overlap the new schedule.
      expect(worstExcess(arrivals, perSecond, burst, BASE_JITTER_MS + delay.stop())).toBeLessThanOrEqual(8);
    } finally {
      probe.disconnect();
    }
  }, 20_000);
});
