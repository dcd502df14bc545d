// One worker process of a crawl, for the crawl tests and benchmark: works until the crawl is done (or
// SIGTERM / SIGINT), printing "ready" when it starts and one JSON line when it ends; exits 0.
import { Crawl } from '../../src/crawl/index.js';
import { routeTo } from '../../src/testing/route.js';
import { schedulingDelay } from './schedule.js';

const [redis, name, origin, perSecond, burst, workers, detail] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string,
  string,
  string | undefined,
];
const delay = schedulingDelay();
const dispatcher = routeTo(origin);
const crawl = new Crawl({
  name,
  redis,
  detail: detail === 'summary' ? 'summary' : 'full',
  lockDurationMs: 2_000,
  client: {
    dispatcher,
    rateLimit: { perSecond: Number(perSecond), burst: Number(burst) },
    retry: { maxAttempts: 3, baseDelayMs: 50, maxDelayMs: 2_000 },
    fleet: { redis, key: `crawl-test-${name}`, workers: Number(workers) },
  },
});
const stop = new AbortController();
process.once('SIGTERM', () => stop.abort());
process.once('SIGINT', () => stop.abort());
console.log('ready');
const { stored } = await crawl.work({ concurrency: 20, signal: stop.signal, closeTimeoutMs: 5_000 });
await crawl.close();
await dispatcher.close();
console.log(JSON.stringify({ stored, delayMs: delay.stop(), stopped: stop.signal.aborted }));
