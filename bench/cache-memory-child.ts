/**
 * One cache memory measurement in a fresh process: fills a client's in-memory cache with `count`
 * distinct fake tracks served by the testing kit, and prints the heap growth per entry next to the
 * JSON size of an entry. Run by bench/cache.ts with --expose-gc.
 */
import { AsyncSpotifyClient } from '../src/index.js';
import { fakeTrack, startFakeSpotify } from '../src/testing/index.js';

const count = Number(process.argv[2] ?? 5_000);
const spotify = await startFakeSpotify();
const tracks = Array.from({ length: count }, () => spotify.add(fakeTrack()));
const client = new AsyncSpotifyClient({
  dispatcher: spotify.dispatcher,
  rateLimit: false,
  retry: false,
  partnerApi: false,
  cache: { maxEntries: count },
});
const settle = () => {
  for (let i = 0; i < 4; i += 1) globalThis.gc?.();
  return process.memoryUsage().heapUsed;
};
// Warm up everything but the entries (code, pools), then measure only what the entries add.
await client.getTrack(tracks[0]!.id, { fresh: true });
spotify.requests.length = 0;
const before = settle();
for (const track of tracks) {
  await client.getTrack(track.id);
  // The fake logs every request it answers (with its headers): that is the kit's memory, not the cache's.
  spotify.requests.length = 0;
}
const after = settle();
const sample = await client.getTrack(tracks[1]!.id);
await client.close();
await spotify.close();
console.log(JSON.stringify({ bytesPerEntry: (after - before) / count, jsonBytes: JSON.stringify(sample).length }));
