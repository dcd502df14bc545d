// Child-process scenario for the exit test: fetch through a proxy with the client's own pool, close
// (or not, with --no-close), and let the process end by itself.
import { AsyncSpotifyClient } from '../../src/index.js';

const [proxy, id, mode] = process.argv.slice(2) as [string, string, string | undefined];
const client = new AsyncSpotifyClient({ proxy, rateLimit: false, retry: false, partnerApi: false });
const track = await client.getTrack(id);
if (mode !== '--no-close') await client.close();
console.log(JSON.stringify({ name: track.name }));
