/** The cache on a real Redis through Keyv 5 and @keyv/redis 4, as the README documents it. */
import KeyvRedis from '@keyv/redis';
import Keyv from 'keyv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AsyncSpotifyClient } from '../../src/index.js';
import { abortableDelay } from '../../src/http/clock.js';
import { STORE_PAUSE_MS } from '../../src/cache/result-cache.js';
import { fakeAlbum, fakeTrack, startFakeSpotify, type FakeSpotify } from '../../src/testing/index.js';
import { redisAvailable, startRedis, type RedisServer } from '../helpers/redis.js';

const available = redisAvailable('cache on Redis');
let redis: RedisServer;
let spotify: FakeSpotify;
let now = 1_800_000_000_000;
const stores: Keyv[] = [];

beforeAll(async () => {
  if (!available) return;
  redis = await startRedis();
  spotify = await startFakeSpotify();
});

afterAll(async () => {
  if (!available) return;
  for (const store of stores) await store.disconnect().catch(() => undefined);
  await spotify.close();
  await redis.stop();
});

/** What another process would make: its own client and its own Keyv connection to the same Redis. */
function processClient(warnings: string[] = []) {
  // As the README shows: node-redis emits 'error' on a lost connection, which must have a listener.
  const connection = new KeyvRedis(
    { url: redis.url, socket: { reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 2_000) } },
    { throwOnConnectError: false },
  );
  connection.client.on('error', () => undefined);
  const store = new Keyv(connection, { namespace: 'spotify-scraper-test' });
  store.on('error', () => undefined);
  stores.push(store);
  return new AsyncSpotifyClient({
    dispatcher: spotify.dispatcher,
    rateLimit: false,
    retry: false,
    clock: { now: () => now, sleep: abortableDelay },
    cache: { store, ttlMs: 60_000 },
    onWarning: (message) => warnings.push(message),
  });
}

describe.skipIf(!available)('cache on a real Redis', () => {
  it('what one client fetched, another (another process, another machine) reads without a request', async () => {
    const album = spotify.add(fakeAlbum({}, 12));
    await using first = processClient();
    await using second = processClient();
    const start = spotify.requests.length;
    const fetched = await first.getAlbum(album.id);
    const read = await second.getAlbum(album.id);
    expect(read).toEqual(fetched);
    expect(read).toEqual(album);
    expect(spotify.requests.length - start).toBe(2); // one embed page, one partner API page: for both clients
  });

  it('Redis going away never fails a call: one warning, and the store is used again when it is back', async () => {
    const warnings: string[] = [];
    const tracks = [fakeTrack(), fakeTrack(), fakeTrack()].map((track) => spotify.add(track));
    await using client = processClient(warnings);
    await client.getTrack(tracks[0]!.id);
    await redis.kill();
    for (const track of tracks) await expect(client.getTrack(track.id)).resolves.toMatchObject({ id: track.id });
    expect(warnings.filter((w) => w.includes('cache store'))).toHaveLength(1);
    await redis.restart();
    now += STORE_PAUSE_MS;
    // Give the client's reconnection a moment, then the store answers again (a fresh write and read).
    let shared = false;
    for (let attempt = 0; attempt < 40 && !shared; attempt += 1) {
      await client.getTrack(tracks[1]!.id, { fresh: true });
      now += STORE_PAUSE_MS;
      const start = spotify.requests.length;
      await client.getTrack(tracks[1]!.id);
      shared = spotify.requests.length === start;
      if (!shared) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(shared).toBe(true);
  }, 30_000);
});

describe.skipIf(!available)('spotify-scraper --cache redis://', () => {
  it('a second run (another process) reads what the first fetched', async () => {
    const { runNode } = await import('../helpers/run-process.js');
    const bin = new URL('../../dist/cli.js', import.meta.url).pathname;
    const track = spotify.add(fakeTrack());
    const args = [bin, 'track', track.id, '--origin', spotify.origin, '--cache', redis.url];
    const start = spotify.requests.length;
    const first = await runNode(args);
    expect(first.code).toBe(0);
    const afterFirst = spotify.requests.length;
    const second = await runNode(args);
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout)).toEqual(JSON.parse(first.stdout));
    expect(afterFirst - start).toBe(2);
    expect(spotify.requests.length).toBe(afterFirst);
  });

  it('an unreachable Redis: the run still succeeds, with one warning', async () => {
    const { runNode } = await import('../helpers/run-process.js');
    const bin = new URL('../../dist/cli.js', import.meta.url).pathname;
    const track = spotify.add(fakeTrack());
    const run = await runNode([bin, 'track', track.id, '--origin', spotify.origin, '--cache', 'redis://127.0.0.1:1']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).id).toBe(track.id);
    expect(run.stderr.match(/warning:/g)).toHaveLength(1);
    const bad = await runNode([bin, 'track', track.id, '--origin', spotify.origin, '--cache', 'memcached://x']);
    expect(bad.code).toBe(2);
  });
});

describe.skipIf(!available)('--cache and --fleet-redis in process', () => {
  it('a run with both reads through Redis and shares the budget', async () => {
    const { runCli } = await import('../../src/cli/program.js');
    const { PassThrough, Readable } = await import('node:stream');
    const track = spotify.add(fakeTrack());
    const run = async (args: string[]) => {
      let stdout = '';
      let stderr = '';
      const out = new PassThrough().on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      const err = Object.assign(
        new PassThrough().on('data', (chunk: Buffer) => (stderr += chunk.toString())),
        { isTTY: false },
      );
      const code = await runCli(
        args,
        '0',
        { stdout: out, stderr: err },
        Object.assign(Readable.from([]), { isTTY: true }),
      );
      return { code, stdout, stderr };
    };
    const args = [
      'track',
      track.id,
      '--origin',
      spotify.origin,
      '--cache',
      redis.url,
      '--fleet-redis',
      redis.url,
      '--fleet-key',
      'cli-in-process',
      '--fleet-workers',
      '2',
    ];
    const start = spotify.requests.length;
    const first = await run(args);
    const second = await run(args);
    expect([first.code, second.code, first.stderr, second.stderr]).toEqual([0, 0, '', '']);
    expect(JSON.parse(second.stdout)).toEqual(track);
    expect(spotify.requests.length - start).toBe(2);
    expect((await run(['track', track.id, '--origin', spotify.origin, '--cache', 'nope'])).code).toBe(2);
    expect((await run(['track', track.id, '--origin', spotify.origin, '--fleet-workers', '2'])).stderr).toMatch(
      /go with --fleet-redis/,
    );
  });
});
