// Another process of a fleet: one client with the fleet's Keyv store on Redis, one getTrack against
// the fake Spotify at ORIGIN; prints {name, warnings} and exits by itself.
// Run: tsx test/helpers/heal-process.ts REDIS_URL ORIGIN TRACK_ID
import KeyvRedis from '@keyv/redis';
import Keyv from 'keyv';
import { AsyncSpotifyClient, type CacheStore } from '../../src/index.js';
import { routeTo } from '../../src/testing/index.js';

const [redisUrl, origin, id] = process.argv.slice(2) as [string, string, string];
const connection = new KeyvRedis({ url: redisUrl }, { throwOnConnectError: false });
connection.client.on('error', () => undefined);
const store = new Keyv(connection, { namespace: 'heal-test' });
store.on('error', () => undefined);
const dispatcher = routeTo(origin);
const warnings: string[] = [];
const client = new AsyncSpotifyClient({
  dispatcher,
  rateLimit: false,
  retry: false,
  cache: { store: store as unknown as CacheStore },
  onWarning: (message) => warnings.push(message),
});
const track = await client.getTrack(id);
await client.close();
await dispatcher.close();
await store.disconnect();
console.log(JSON.stringify({ name: track.name, warnings }));
