/**
 * The chaos soak at full size: 10,000 calls against a loopback Spotify that injects faults, once with
 * the in-memory cache and once with Keyv on a real redis-server (skipped, and said, without one).
 * Figures are against their own bounds: the longest call as a share of its bound, the heap after
 * close() against its start, the worst window at the server against `burst + perSecond × t`.
 */
import { runSoak, type SoakResult } from '../test/helpers/chaos/soak.js';
import { redisAvailable, startRedis } from '../test/helpers/redis.js';
import { BASE_JITTER_MS, DELAY_RESOLUTION_MS, worstExcess } from '../test/helpers/schedule.js';
import { fmt, type Row } from './util.js';

const CALLS = 10_000;
const MB = 1024 * 1024;

function rows(label: string, result: SoakResult): Row[] {
  const faults = Object.values(result.faults).reduce((sum, n) => sum + n, 0);
  const requests = Object.values(result.arrivals).reduce((sum, times) => sum + times.length, 0);
  // The allowance of the suite's soak (test/soak/soak.test.ts): the delays measured, and their resolution.
  const allowance = BASE_JITTER_MS + Math.max(result.delayMs, result.serverDelayMs) + 2 * DELAY_RESOLUTION_MS;
  const excess = Math.max(
    ...Object.values(result.arrivals).map((times) =>
      worstExcess(times, result.rate.perSecond, result.rate.burst, allowance),
    ),
  );
  const outcomes = Object.entries(result.outcomes)
    .sort((a, b) => b[1] - a[1])
    .map(([name, n]) => `${name} ${n}`)
    .join(', ');
  const heap = result.heap;
  const clean = result.unexpected.length === 0 && result.unhandled.length === 0 && result.code === 0;
  return [
    {
      section: 'soak',
      measure: `${label}: ${result.calls} calls at concurrency 50, ${requests} requests, ${faults} faults injected (${Object.entries(
        result.faults,
      )
        .map(([k, n]) => `${k} ${n}`)
        .join(', ')})`,
      ours: outcomes,
      baseline: 'models, documented errors, aborts only',
      ratio: clean ? 'ok' : 'FAILED',
      note: `${result.unexpected.length} unexpected outcomes, ${result.unhandled.length} unhandled rejections, exit code ${result.code} ${result.exitAfterCloseMs} ms after close()`,
    },
    {
      section: 'soak',
      measure: `${label}: the longest call vs its bound (timeout × attempts + waits per request + the queue)`,
      ours: `${fmt(result.longestMs / 1000, 2)} s`,
      baseline: 'its bound',
      ratio: `${fmt(result.longestShare, 2)}`,
      note: 'goal ≤ 1',
    },
    {
      section: 'soak',
      measure: `${label}: heap start / middle / end / after close() and GC`,
      ours: `${fmt(heap.start / MB, 1)} / ${fmt(heap.middle / MB, 1)} / ${fmt(heap.end / MB, 1)} / ${fmt(heap.afterClose / MB, 1)} MiB`,
      baseline: `${fmt(heap.start / MB, 1)} MiB at the start`,
      ratio: `${fmt(heap.afterClose / heap.start, 2)}`,
      note: `end vs middle ${fmt(heap.end / heap.middle, 2)}`,
    },
    {
      section: 'soak',
      measure: `${label}: worst window at the server over burst + perSecond × t (per host, ${allowance.toFixed(0)} ms arrival allowance)`,
      ours: `${fmt(excess, 2)} requests over`,
      baseline: `${result.rate.perSecond}/s, burst ${result.rate.burst}`,
      ratio: excess <= 0 ? 'held' : 'EXCEEDED',
      note: 'goal ≤ 0',
    },
  ];
}

export async function benchSoak(): Promise<Row[]> {
  const out = rows('memory cache', await runSoak({ calls: CALLS, seed: 101, cache: 'memory' }));
  if (!redisAvailable('bench soak')) return out;
  const redis = await startRedis();
  try {
    out.push(...rows('Keyv on redis-server', await runSoak({ calls: CALLS, seed: 102, cache: redis.url })));
  } finally {
    await redis.stop();
  }
  return out;
}
