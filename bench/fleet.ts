/**
 * Fleet section: three processes sharing one budget on a real redis-server (started here on a free
 * port; the section is skipped without redis-server). Achieved rate at the server against the
 * configured one, and Redis commands per request.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { embedPage, fakeTrack } from '../src/testing/index.js';
import { sendHtml, startLoopback } from '../test/helpers/loopback.js';
import { redisAvailable, startRedis } from '../test/helpers/redis.js';
import { fmt, type Row } from './util.js';

const WORKER = join(import.meta.dirname, '..', 'test', 'helpers', 'fleet-worker.ts');
const PROCESSES = 3;
const PER_PROCESS = 100;
const PER_SECOND = 50;
const BURST = 5;

/** Commands clients sent (commandstats also counts the GET/SET/TIME a script runs inside Redis: not those). */
async function commandCalls(redis: Redis): Promise<number> {
  const info = await redis.info('commandstats');
  let calls = 0;
  for (const [, name, count] of info.matchAll(/^cmdstat_(\w+):calls=(\d+)/gm))
    if (['evalsha', 'eval', 'script', 'ping'].includes(name as string)) calls += Number(count);
  return calls;
}

export async function benchFleet(): Promise<Row[]> {
  if (!redisAvailable('bench fleet')) return [];
  const redis = await startRedis();
  const arrivals: number[] = [];
  const server = await startLoopback((request, res) => {
    arrivals.push(performance.now());
    sendHtml(res, embedPage(fakeTrack({ id: request.path.split('/').at(-1) as string })));
  });
  const admin = new Redis(redis.url);
  const before = await commandCalls(admin);
  const run = () =>
    new Promise<void>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        [
          '--import',
          'tsx',
          WORKER,
          redis.url,
          server.origin,
          String(PER_PROCESS),
          String(PER_SECOND),
          String(BURST),
          String(PROCESSES),
          'bench-fleet',
        ],
        { stdio: ['ignore', 'ignore', 'inherit'] },
      );
      child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`fleet worker exited ${code}`))));
    });
  await Promise.all(Array.from({ length: PROCESSES }, run));
  const commands = (await commandCalls(admin)) - before;
  admin.disconnect();
  await server.close();
  await redis.stop();
  const sorted = arrivals.sort((a, b) => a - b);
  // The paced part: after the first `burst` (granted at once), one request per 1/perSecond s. Its rate
  // is the slope of a least-squares line through arrival time against position, so the start-up of
  // three processes (a first connection, a slower first request) does not tilt it.
  const paced = sorted.slice(BURST);
  const n = paced.length;
  const meanX = (n - 1) / 2;
  const meanY = paced.reduce((sum, t) => sum + t, 0) / n;
  let num = 0;
  let den = 0;
  paced.forEach((t, x) => {
    num += (x - meanX) * (t - meanY);
    den += (x - meanX) ** 2;
  });
  const achieved = 1000 / (num / den);
  return [
    {
      section: 'fleet',
      measure: `achieved rate at the server, ${PROCESSES} processes × ${PER_PROCESS} getTrack sharing {perSecond: ${PER_SECOND}, burst: ${BURST}} on Redis`,
      ours: `${fmt(achieved, 2)} req/s`,
      baseline: `${PER_SECOND} req/s configured`,
      ratio: fmt(achieved / PER_SECOND, 3),
      note: 'goal 0.98–1.00',
    },
    {
      section: 'fleet',
      measure: 'Redis commands per request (EVALSHA of the grant script, plus a pause re-check for grants that waited)',
      ours: fmt(commands / sorted.length, 2),
      baseline: '2',
      ratio: fmt(commands / sorted.length / 2, 2),
      note: 'goal ≤ 2 per request',
    },
  ];
}
