/**
 * End-to-end section: getTrack over loopback with rate limiting off (8 calls in flight), versus
 * spotify-url-info's getData over undici's fetch, and versus bare undici.request + JSON.parse.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Agent, fetch, request } from 'undici';
import { AsyncSpotifyClient } from '../src/index.js';
import { rerouteTo } from '../test/helpers/loopback.js';
import { ownPages, sharedPages } from './pages.js';
import { fmt, type Row } from './util.js';

const require = createRequire(import.meta.url);
const spotifyUrlInfo = require('spotify-url-info') as (fetcher: unknown) => {
  getData: (url: string) => Promise<unknown>;
};

const IN_FLIGHT = 8;
let counter = 0;
/** A fresh id per call: identical calls would share one fetch (single flight) and measure nothing. */
const nextId = () => `E2e${(counter += 1).toString(36)}`.padEnd(22, 'Z');

async function throughput(call: () => Promise<unknown>, ms: number): Promise<number> {
  for (let i = 0; i < 200; i += 1) await call();
  let done = 0;
  const start = performance.now();
  const deadline = start + ms;
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (performance.now() < deadline) {
        await call();
        done += 1;
      }
    }),
  );
  return (done * 1000) / (performance.now() - start);
}

/** The server runs in its own process, as Spotify would: the client's costs are not diluted by its own. */
async function serveInChild(file: string): Promise<{ origin: string; close: () => Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'serve-page.ts'), file], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const origin = await new Promise<string>((resolve) =>
    child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().trim())),
  );
  return {
    origin,
    close: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.stdin.end();
      }),
  };
}

export async function benchE2e(): Promise<Row[]> {
  const track = sharedPages().find((page) => page.type === 'track') ?? ownPages().find((page) => page.type === 'track');
  if (!track) throw new Error('no track page to serve');
  const { origin, close } = await serveInChild(track.file);
  const agent = new Agent({ connections: IN_FLIGHT });
  const dispatcher = agent.compose(rerouteTo(origin));
  const client = new AsyncSpotifyClient({ dispatcher, rateLimit: false, partnerApi: false });
  const peer = spotifyUrlInfo((url: string) => fetch(url, { dispatcher }));
  const ours = () => client.getTrack(nextId());
  const theirs = () => peer.getData(`https://open.spotify.com/track/${nextId()}`);
  const bare = async () => {
    const response = await request(`https://open.spotify.com/embed/track/${nextId()}`, { dispatcher });
    const html = await response.body.text();
    const start = html.indexOf('>', html.indexOf('id="__NEXT_DATA__"')) + 1;
    return JSON.parse(html.slice(start, html.indexOf('</script>', start)));
  };
  const rounds = { ours: [] as number[], peer: [] as number[], bare: [] as number[] };
  for (let round = 0; round < 3; round += 1) {
    rounds.bare.push(await throughput(bare, 1500));
    rounds.peer.push(await throughput(theirs, 1500));
    rounds.ours.push(await throughput(ours, 1500));
  }
  await client.close();
  await agent.close();
  await close();
  const best = (list: number[]) => Math.max(...list);
  const [o, p, b] = [best(rounds.ours), best(rounds.peer), best(rounds.bare)];
  const label = `getTrack from a loopback server in another process, ${IN_FLIGHT} in flight, rate limit off (${track.name})`;
  return [
    {
      section: 'e2e',
      measure: `${label} vs spotify-url-info getData over undici fetch`,
      ours: `${fmt(o)} calls/s`,
      baseline: `${fmt(p)} calls/s`,
      ratio: `${fmt(o / p, 2)}×`,
      note: 'goal ≥ 1×',
    },
    {
      section: 'e2e',
      measure: `${label} vs bare undici.request + JSON.parse`,
      ours: `${fmt(o)} calls/s`,
      baseline: `${fmt(b)} calls/s`,
      ratio: `${fmt(o / b, 2)}×`,
      note: `goal ≥ 0.77× (within 1.3×): ${fmt(b / o, 2)}× slower`,
    },
  ];
}
