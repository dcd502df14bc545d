/**
 * One download measured in a fresh process (so RSS is not shared with other runs):
 * `ours` = client.downloadPreview, `bare` = undici.request piped to a file. Prints JSON.
 */
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Agent, request } from 'undici';
import { AsyncSpotifyClient, type Track } from '../src/index.js';
import { rerouteTo } from '../test/helpers/loopback.js';

const [mode, origin, bytesText] = process.argv.slice(2) as ['ours' | 'bare', string, string];
const bytes = Number(bytesText);
const dir = mkdtempSync(join(tmpdir(), 'ss-bench-dl-'));
const agent = new Agent();
const dispatcher = agent.compose(rerouteTo(origin));
let peak = 0;
const before = process.memoryUsage().rss;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);

const start = performance.now();
let path: string;
if (mode === 'ours') {
  const client = new AsyncSpotifyClient({
    dispatcher,
    rateLimit: false,
    maxMediaBytes: bytes * 2,
    timeout: 120_000,
    partnerApi: false,
  });
  const track = {
    type: 'track',
    id: 'b'.repeat(22),
    name: 'bench',
    images: [],
    previewUrl: 'https://p.scdn.co/mp3-preview/big',
    artists: [],
    album: null,
  } as unknown as Track;
  path = await client.downloadPreview(track, dir);
  await client.close();
} else {
  path = join(dir, 'bare.mp3');
  const response = await request('https://p.scdn.co/mp3-preview/big', { dispatcher });
  await pipeline(response.body, createWriteStream(path));
}
const seconds = (performance.now() - start) / 1000;
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage().rss);
const size = statSync(path).size;
await agent.close();
rmSync(dir, { recursive: true, force: true });
if (size !== bytes) throw new Error(`wrote ${size} bytes, expected ${bytes}`);
console.log(JSON.stringify({ mbPerSecond: bytes / 2 ** 20 / seconds, rssGrowthMb: (peak - before) / 2 ** 20 }));
