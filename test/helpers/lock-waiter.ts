/**
 * A process whose one call waits on the fleet's discovery lock (held by "another process" for one more
 * second, in a shared store of its own): it prints "settled" when the call settles. Nothing else keeps
 * it alive: if the wait's timers did not, it would exit with code 13 before the call settles.
 * ORIGIN: a fake Spotify whose getTrack hash was rotated; TRACK: a track it serves.
 */
import { AsyncSpotifyClient } from '../../src/index.js';
import { routeTo } from '../../src/testing/index.js';

const map = new Map<string, unknown>();
const store = {
  get: (key: string) => map.get(key),
  set: (key: string, value: unknown) => void map.set(key, value),
  delete: (key: string) => void map.delete(key),
};
map.set('spotify-scraper:heal:v1:lock', { until: Date.now() + 1_000, value: { owner: 'another-process' } });
const client = new AsyncSpotifyClient({
  dispatcher: routeTo(process.env['ORIGIN'] as string),
  rateLimit: false,
  retry: false,
  cache: { store },
  onWarning: () => undefined,
});
await client.getTrack(process.env['TRACK'] as string).catch(() => undefined);
console.log('settled');
await client.close();
