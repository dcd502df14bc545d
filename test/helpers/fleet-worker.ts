// One process of a fleet, for the fleet tests and benchmark: `count` getTrack calls at once through a
// client sharing its rate limit on Redis; prints one JSON line, closes its client and exits by itself.
import { AsyncSpotifyClient } from '../../src/index.js';
import { routeTo } from '../../src/testing/route.js';
import { schedulingDelay } from './schedule.js';

const [redis, origin, count, perSecond, burst, workers, key, gated] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string,
  string,
  string,
  string | undefined,
];
const delay = schedulingDelay();
const warnings: string[] = [];
const dispatcher = routeTo(origin);
const client = new AsyncSpotifyClient({
  dispatcher,
  partnerApi: false,
  rateLimit: { perSecond: Number(perSecond), burst: Number(burst) },
  retry: { maxAttempts: 4, baseDelayMs: 50, maxDelayMs: 10_000 },
  fleet: { redis, key, workers: Number(workers) },
  onWarning: (message) => warnings.push(message),
});
// Each id starts with this process's pid (base 36, lower case) and an upper-case X: the tests tell the
// processes apart by it (a lower-case x would be a base-36 digit).
const ids = Array.from({ length: Number(count) }, (_, i) =>
  `${process.pid.toString(36)}X${i.toString(36)}`.padEnd(22, 'Q').slice(0, 22),
);
// Gated: say "ready" once the client is built, and start only when told "go" on stdin, so that the
// processes of a test start together however long each took to start on a busy machine.
if (gated === 'gated') {
  console.log('ready');
  await new Promise((resolve) => process.stdin.once('data', resolve));
  process.stdin.destroy();
}
const results = await Promise.allSettled(ids.map((id) => client.getTrack(id)));
await client.close();
await dispatcher.close();
const failed = results
  .filter((result) => result.status === 'rejected')
  .map((result) => String((result as PromiseRejectedResult).reason));
const delayMs = delay.stop();
console.log(JSON.stringify({ ok: results.length - failed.length, failed, warnings, delayMs, closedAt: Date.now() }));
