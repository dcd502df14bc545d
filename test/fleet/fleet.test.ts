/**
 * Fleet mode (SPEC §8) against a real redis-server and several real processes: one budget per host
 * for all of them, measured where it matters — at the server.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AsyncSpotifyClient, InvalidInputError } from '../../src/index.js';
import { embedPage, fakeTrack } from '../../src/testing/index.js';
import { sendHtml, startLoopback, type Loopback } from '../helpers/loopback.js';
import { redisAvailable, startRedis, type RedisServer } from '../helpers/redis.js';
import { BASE_JITTER_MS, schedulingDelay, worstExcess } from '../helpers/schedule.js';

const available = redisAvailable('fleet on Redis');
const WORKER = join(import.meta.dirname, '..', 'helpers', 'fleet-worker.ts');
let redis: RedisServer;
let server: Loopback;
/** Arrival times (ms, this process's clock) of requests at the fake Spotify, and the ids asked for. */
let arrivals: number[] = [];
let paths: string[] = [];
/** When set, the first request after this time is answered 429 with this Retry-After (s). */
let throttle: { after: number; seconds: number; at?: number } | undefined;

beforeAll(async () => {
  if (!available) return;
  redis = await startRedis();
  server = await startLoopback((request, res) => {
    const now = performance.now();
    arrivals.push(now);
    paths.push(request.path);
    if (throttle && throttle.at === undefined && now >= throttle.after) {
      throttle.at = now;
      return sendHtml(res, 'slow down', 429, { 'retry-after': String(throttle.seconds) });
    }
    const id = request.path.split('/').at(-1) as string;
    sendHtml(res, embedPage(fakeTrack({ id })));
  });
});

afterAll(async () => {
  if (!available) return;
  await server.close();
  await redis.stop();
});

beforeEach(() => {
  arrivals = [];
  paths = [];
  throttle = undefined;
});

interface WorkerResult {
  ok: number;
  failed: string[];
  warnings: string[];
  /** The worker's worst scheduling delay, ms. */
  delayMs: number;
  closedAt: number;
  code: number | null;
  exitedAt: number;
}

/** Workers that start their calls together: each says "ready", and all are told "go" once all are. */
function startGate(size: number): (child: ChildProcess) => void {
  const ready: ChildProcess[] = [];
  return (child) => {
    ready.push(child);
    if (ready.length === size) for (const each of ready) each.stdin?.write('go\n');
  };
}

function worker(
  count: number,
  perSecond: number,
  burst: number,
  workers: number,
  key: string,
  redisUrl = redis.url,
  gate?: (child: ChildProcess) => void,
): Promise<WorkerResult> {
  return new Promise((resolve) => {
    const args = [
      '--import',
      'tsx',
      WORKER,
      redisUrl,
      server.origin,
      String(count),
      String(perSecond),
      String(burst),
      String(workers),
      key,
      ...(gate ? ['gated'] : []),
    ];
    const child = spawn(process.execPath, args, { stdio: [gate ? 'pipe' : 'ignore', 'pipe', 'inherit'] });
    let out = '';
    let arrived = false;
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (gate && !arrived && out.startsWith('ready\n')) {
        arrived = true;
        gate(child);
      }
    });
    child.on('exit', (code) =>
      resolve({
        ...(JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as Omit<WorkerResult, 'code' | 'exitedAt'>),
        code,
        exitedAt: Date.now(),
      }),
    );
  });
}

describe.skipIf(!available)('fleet on a real Redis, several processes', () => {
  it('three processes share one bucket: the window guarantee holds at the server, at the configured rate', async () => {
    const [perSecond, burst] = [20, 3];
    const delay = schedulingDelay();
    const results = await Promise.all([1, 2, 3].map(() => worker(20, perSecond, burst, 3, 'fleet-window')));
    const allowance = BASE_JITTER_MS + Math.max(delay.stop(), ...results.map((r) => r.delayMs));
    expect(results.map((r) => [r.code, r.ok, r.failed.length])).toEqual([
      [0, 20, 0],
      [0, 20, 0],
      [0, 20, 0],
    ]);
    expect(results.flatMap((r) => r.warnings)).toEqual([]); // Redis answered every script
    expect(arrivals).toHaveLength(60);
    expect(worstExcess(arrivals, perSecond, burst, allowance)).toBeLessThanOrEqual(0);
    // 60 requests at 20/s after a burst of 3: the last goes at ~2.85 s. Three separate buckets would
    // take 0.85 s. (Load only stretches the span, so only its lower bound is a check of sharing.)
    const span = (Math.max(...arrivals) - Math.min(...arrivals)) / 1000;
    expect(span).toBeGreaterThan(2.6 - allowance / 1000);
  }, 30_000);

  it("a 429's Retry-After pauses the host for every process of the fleet", async () => {
    const start = performance.now();
    throttle = { after: start + 400, seconds: 1 };
    const delay = schedulingDelay();
    const results = await Promise.all([1, 2].map(() => worker(15, 20, 2, 2, 'fleet-pause')));
    expect(results.every((r) => r.code === 0 && r.failed.length === 0)).toBe(true);
    expect(results.flatMap((r) => r.warnings)).toEqual([]);
    // Requests granted before the pause reached Redis may still arrive within 100 ms of the 429 (SPEC
    // §8), later on a loaded machine; none is granted inside the pause. On a loaded machine three late
    // steps stand between the 429 and such an arrival: the worker reading the 429, Redis taking its
    // pause, the other worker sending what it was granted meanwhile, each up to the worst delay measured.
    const allowance = 100 + 3 * Math.max(delay.stop(), ...results.map((r) => r.delayMs));
    const at = throttle.at as number;
    const during = arrivals.filter((t) => t > at + allowance && t < at + 1_000);
    expect(during).toEqual([]);
    expect(arrivals.filter((t) => t >= at + 1_000).length).toBeGreaterThan(5);
  }, 30_000);

  it('Redis killed mid-run: no call fails, one warning each, local buckets at perSecond / workers; the fleet rejoins', async () => {
    const delay = schedulingDelay();
    // Both start their calls together: on a busy machine one process may take seconds longer to start,
    // and one that had finished before Redis went away would have no outage to tell of.
    const gate = startGate(2);
    const runs = Promise.all([1, 2].map(() => worker(40, 20, 2, 2, 'fleet-outage', redis.url, gate)));
    // Kill Redis once both processes are under way (each worker's ids start with its pid).
    const started = () =>
      new Set(paths.map((path) => path.split('/').at(-1)?.split('X')[0])).size >= 2 && paths.length >= 6;
    for (let waited = 0; !started() && waited < 20_000; waited += 20)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(started(), 'both processes were under way before Redis went away').toBe(true);
    await redis.kill();
    const killedAt = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const restartedAt = performance.now();
    await redis.restart();
    const results = await runs;
    for (const result of results) {
      expect(result.code).toBe(0);
      expect(result.failed).toEqual([]);
      expect(result.ok).toBe(40);
      expect(result.warnings.filter((w) => w.includes("fleet's Redis is unavailable"))).toHaveLength(1);
    }
    // While Redis was away: local buckets of 10/s (burst 1) each, within the fleet's 20/s. (Around the
    // switches each process moves on its own, so those moments are not part of the guarantee.)
    const outage = arrivals.filter((t) => t > killedAt + 100 && t < restartedAt);
    expect(outage.length).toBeGreaterThan(10);
    const allowance = BASE_JITTER_MS + Math.max(delay.stop(), ...results.map((r) => r.delayMs));
    expect(worstExcess(outage, 20, 2, allowance)).toBeLessThanOrEqual(0);
    // Back on Redis: a fresh client's grants are recorded there again. (The rate it granted at lives for
    // 10 minutes; the schedule key only about a second past its last slot, which a loaded machine can
    // outlast between the worker's last grant and this check.)
    const probe = new Redis(redis.url);
    try {
      await worker(3, 20, 2, 1, 'fleet-rejoin');
      // The worker routes to the loopback server (routeTo): its fleet keys are in that origin's namespace.
      const namespace = `origin:${server.origin}`.replace(/[^\w.:-]/g, '_');
      expect(await probe.get(`{fleet-rejoin:ns:${namespace}:open.spotify.com}:rate`)).toBe('20/s burst 2');
    } finally {
      probe.disconnect();
    }
  }, 30_000);

  it('a process that closed its client exits on its own, at once', async () => {
    const result = await worker(3, 50, 3, 1, 'fleet-exit');
    expect(result.code).toBe(0);
    expect(result.exitedAt - result.closedAt).toBeLessThan(5_000); // a hang detector: an open handle keeps it for ever
  }, 30_000);

  it('an unreachable Redis: calls still succeed on the local bucket, with one warning', async () => {
    const result = await worker(4, 50, 2, 1, 'fleet-nowhere', 'redis://127.0.0.1:1');
    expect(result).toMatchObject({ code: 0, ok: 4, failed: [] });
    expect(result.warnings).toHaveLength(1);
  }, 30_000);
});

describe.skipIf(!available)('fleet in one process', () => {
  it('a borrowed ioredis client is used and never closed', async () => {
    const borrowed = new Redis(redis.url);
    try {
      const client = new AsyncSpotifyClient({
        dispatcher: server.dispatcher,
        partnerApi: false,
        rateLimit: { perSecond: 50, burst: 2 },
        fleet: { redis: borrowed, key: 'fleet-borrowed' },
      });
      await client.getTrack(fakeTrack().id);
      await client.close();
      expect(borrowed.status).toBe('ready');
      expect(await borrowed.exists('{fleet-borrowed:open.spotify.com}:tat')).toBe(1);
    } finally {
      borrowed.disconnect();
    }
  });
});

describe('fleet options', () => {
  it.each([
    ['no redis', {}],
    ['a redis URL of another scheme', { redis: 'http://127.0.0.1:6379' }],
    ['a redis that is not a client', { redis: { get: () => 1 } }],
    ['workers 0', { redis: 'redis://127.0.0.1:6379', workers: 0 }],
    ['a key with a brace', { redis: 'redis://127.0.0.1:6379', key: 'a{b}' }],
    ['an unknown field', { redis: 'redis://127.0.0.1:6379', workerz: 2 }],
  ])('%s is an InvalidInputError', (_name, fleet) => {
    expect(() => new AsyncSpotifyClient({ fleet: fleet as never })).toThrow(InvalidInputError);
  });
});

describe.skipIf(!available)('spotify-scraper --fleet-redis', () => {
  it('two command-line runs share one budget', async () => {
    const { runNode } = await import('../helpers/run-process.js');
    const bin = join(import.meta.dirname, '..', '..', 'dist', 'cli.js');
    // Each run reports its own worst scheduling delay (test/helpers/delay-probe.mjs) for the allowance.
    const delays = join(mkdtempSync(join(tmpdir(), 'fleet-cli-')), 'delays');
    const probe = join(import.meta.dirname, '..', 'helpers', 'delay-probe.mjs');
    const run = (tag: string) =>
      runNode(
        [
          '--import',
          probe,
          bin,
          'track',
          ...Array.from({ length: 12 }, (_, i) => `${tag}${i.toString(36)}`.padEnd(22, 'C')),
          '--origin',
          server.origin,
          '--no-partner-api',
          '--rate',
          '20',
          '--burst',
          '2',
          '--concurrency',
          '12',
          '--fleet-redis',
          redis.url,
          '--fleet-key',
          'fleet-cli',
        ],
        '',
        { ...process.env, DELAY_PROBE_FILE: delays },
      );
    const delay = schedulingDelay();
    const [a, b] = await Promise.all([run('CliA'), run('CliB')]);
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(a.stderr + b.stderr).toBe('');
    expect(arrivals).toHaveLength(24);
    const runDelays = readFileSync(delays, 'utf8').trim().split('\n').map(Number);
    expect(runDelays).toHaveLength(2);
    const allowance = BASE_JITTER_MS + Math.max(delay.stop(), ...runDelays);
    expect(worstExcess(arrivals, 20, 2, allowance)).toBeLessThanOrEqual(0);
  }, 30_000);
});
