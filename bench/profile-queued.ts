/**
 * Heap per queued call: 10,000 getTrack calls started at once behind a rate limit that admits none of
 * them, measured before any completes. `node --expose-gc --import tsx bench/profile-queued.ts [snap]`
 * (with `snap`, also writes a heap snapshot to /tmp/queued.heapsnapshot).
 */
import { writeHeapSnapshot } from 'node:v8';
import { AsyncSpotifyClient } from '../src/index.js';

const never = { dispatch: () => true, close: async () => undefined, destroy: async () => undefined };
const client = new AsyncSpotifyClient({
  rateLimit: { perSecond: 0.001, burst: 1 },
  partnerApi: false,
  dispatcher: never as never,
});
const ids = Array.from({ length: 10_000 }, (_, i) => `Queued${i.toString(36).padStart(16, '0')}`);
globalThis.gc?.();
const before = process.memoryUsage().heapUsed;
const pending = ids.map((id) => client.getTrack(id).catch(() => undefined));
await new Promise((resolve) => setTimeout(resolve, 200));
globalThis.gc?.();
console.log(
  `${pending.length} queued calls: ${((process.memoryUsage().heapUsed - before) / ids.length).toFixed(0)} bytes of heap each`,
);
if (process.argv[2] === 'snap') console.log(writeHeapSnapshot('/tmp/queued.heapsnapshot'));
process.exit(0);
