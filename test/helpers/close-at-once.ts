// A client of a fleet closed before its Redis connection opened: the process must exit by itself.
import { AsyncSpotifyClient } from '../../src/index.js';

const client = new AsyncSpotifyClient({ fleet: { redis: process.argv[2] as string } });
await client.close();
console.log('closed');
