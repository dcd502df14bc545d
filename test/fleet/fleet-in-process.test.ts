/** The fleet limiter in this process (the multi-process tests cover the same paths from outside). */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AsyncSpotifyClient, type ClientOptions } from '../../src/index.js';
import { embedPage, fakeTrack } from '../../src/testing/index.js';
import { sendHtml, startLoopback, type Loopback } from '../helpers/loopback.js';
import { redisAvailable, startRedis, type RedisServer } from '../helpers/redis.js';

const available = redisAvailable('fleet in process');
let redis: RedisServer;
let server: Loopback;
let arrivals: number[] = [];
let status429 = false;

beforeAll(async () => {
  if (!available) return;
  redis = await startRedis();
  server = await startLoopback((request, res) => {
    arrivals.push(performance.now());
    if (status429) {
      status429 = false;
      return sendHtml(res, 'slow down', 429, { 'retry-after': '1' });
    }
    sendHtml(res, embedPage(fakeTrack({ id: request.path.split('/').at(-1) as string })));
  });
});

afterAll(async () => {
  if (!available) return;
  await server.close();
  await redis.stop();
});

beforeEach(() => {
  arrivals = [];
  status429 = false;
});

function client(key: string, warnings: string[] = [], extra: ClientOptions = {}): AsyncSpotifyClient {
  return new AsyncSpotifyClient({
    dispatcher: server.dispatcher,
    partnerApi: false,
    retry: { maxAttempts: 3, baseDelayMs: 10, maxDelayMs: 5_000 },
    rateLimit: { perSecond: 40, burst: 2 },
    fleet: { redis: redis.url, key, workers: 2 },
    onWarning: (message) => warnings.push(message),
    ...extra,
  });
}

const ids = (tag: string, count: number) =>
  Array.from({ length: count }, (_, i) => `${tag}${i.toString(36)}`.padEnd(22, 'F'));

describe.skipIf(!available)('fleet limiter in one process', () => {
  it('two clients on one key share the rate: 24 calls at 40/s take about 0.55 s', async () => {
    const warnings: string[] = [];
    await using a = client('inproc-rate', warnings);
    await using b = client('inproc-rate', warnings);
    const started = performance.now();
    await Promise.all([...ids('InA', 12).map((id) => a.getTrack(id)), ...ids('InB', 12).map((id) => b.getTrack(id))]);
    expect(warnings).toEqual([]);
    expect(performance.now() - started).toBeGreaterThan(450);
    expect(arrivals).toHaveLength(24);
  });

  it('a host without a limit is not sent to Redis; an abort while queued rejects with its reason', async () => {
    await using free = client('inproc-free', [], { hostRateLimits: { 'open.spotify.com': false } });
    await expect(free.getTrack(ids('Free', 1)[0] as string)).resolves.toBeDefined();
    await using slow = client('inproc-abort', [], { rateLimit: { perSecond: 1, burst: 1 } });
    await slow.getTrack(ids('Slow', 1)[0] as string);
    const controller = new AbortController();
    const waiting = slow.getTrack(ids('Wait', 1)[0] as string, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('gave up')), 50);
    await expect(waiting).rejects.toThrow('gave up');
  });

  it('a 429 pauses the host for the other client too', async () => {
    await using a = client('inproc-pause');
    await using b = client('inproc-pause');
    status429 = true;
    const first = a.getTrack(ids('P', 1)[0] as string); // answered 429 with Retry-After: 1
    // b asks once a's pause is in Redis (how long a takes to read its 429 depends on the machine's load).
    const { Redis } = await import('ioredis');
    const probe = new Redis(redis.url);
    try {
      for (let waited = 0; (await probe.exists('{inproc-pause:open.spotify.com}:pause')) === 0; waited += 5) {
        expect(waited, "a's pause reached Redis").toBeLessThan(10_000);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    } finally {
      probe.disconnect();
    }
    await b.getTrack(ids('Q', 1)[0] as string);
    // At the server: b's request came a whole Retry-After after the 429, however late this test ran.
    expect(arrivals[1]! - arrivals[0]!).toBeGreaterThan(1_000 - 25);
    await first;
  });

  it('Redis going away: calls go on locally with one warning, and rejoin when it is back', async () => {
    const warnings: string[] = [];
    await using c = client('inproc-outage', warnings);
    await c.getTrack(ids('Before', 1)[0] as string);
    await redis.kill();
    await Promise.all(ids('During', 6).map((id) => c.getTrack(id)));
    expect(warnings.filter((w) => w.includes("fleet's Redis is unavailable"))).toHaveLength(1);
    await redis.restart();
    // Within about 2.5 s the client is back on Redis: its grants write the schedule there again.
    const { Redis } = await import('ioredis');
    const probe = new Redis(redis.url);
    try {
      let back = false;
      for (let attempt = 0; attempt < 40 && !back; attempt += 1) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        await c.getTrack(fakeTrack().id);
        back = (await probe.exists('{inproc-outage:open.spotify.com}:tat')) === 1;
      }
      expect(back).toBe(true);
    } finally {
      probe.disconnect();
    }
    expect(warnings.filter((w) => w.includes("fleet's Redis is unavailable"))).toHaveLength(1);
  }, 20_000);

  it('an unreachable Redis: local buckets from the first call, one warning', async () => {
    const warnings: string[] = [];
    await using c = new AsyncSpotifyClient({
      dispatcher: server.dispatcher,
      partnerApi: false,
      fleet: { redis: 'redis://127.0.0.1:1' },
      onWarning: (m) => warnings.push(m),
    });
    await Promise.all(ids('Nowhere', 3).map((id) => c.getTrack(id)));
    expect(warnings).toHaveLength(1);
  });
});
