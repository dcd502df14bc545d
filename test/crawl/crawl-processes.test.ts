/**
 * A crawl on three worker processes (real redis-server, real processes, the fake Spotify in this
 * process): one is killed with SIGKILL mid-crawl and started again; every entity is stored exactly
 * once, the requests at the fake keep the fleet's window, and adding the seeds again adds nothing.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Crawl } from '../../src/crawl/index.js';
import {
  fakeAlbum,
  fakeArtist,
  fakePlaylist,
  releaseOf,
  startFakeSpotify,
  type FakeSpotify,
} from '../../src/testing/index.js';
import { redisAvailable, startRedis, type RedisServer } from '../helpers/redis.js';
import { BASE_JITTER_MS, schedulingDelay, worstExcess } from '../helpers/schedule.js';

const available = redisAvailable('crawl on processes');
const WORKER = join(import.meta.dirname, '..', 'helpers', 'crawl-worker.ts');
const [PER_SECOND, BURST] = [80, 8];
let redis: RedisServer;
let spotify: FakeSpotify;

beforeAll(async () => {
  if (!available) return;
  redis = await startRedis();
  spotify = await startFakeSpotify();
});

afterAll(async () => {
  await spotify?.close();
  await redis?.stop();
});

interface Running {
  child: ChildProcess;
  done: Promise<{ code: number | null; out: string }>;
}

function worker(name: string): Running {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', WORKER, redis.url, name, spotify.origin, String(PER_SECOND), String(BURST), '3'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const done = new Promise<{ code: number | null; out: string }>((resolve) =>
    child.on('exit', (code) => resolve({ code, out })),
  );
  return { child, done };
}

const lastLine = (out: string) =>
  JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as { stored: number; delayMs: number };

describe.skipIf(!available)('a crawl on three processes', () => {
  it('survives a SIGKILL: every entity once, within the fleet window; a second add adds nothing', async () => {
    const artist = spotify.add(fakeArtist());
    const albums = Array.from({ length: 3 }, () => spotify.add(fakeAlbum({}, 10)));
    spotify.setDiscography(artist.id, albums.map(releaseOf));
    const playlist = spotify.add(fakePlaylist({}, 250));
    const expected = new Set([
      artist.uri,
      playlist.uri,
      ...albums.map((album) => album.uri),
      ...albums.flatMap((album) => album.tracks.map((track) => track.uri)),
      ...playlist.tracks.map((item) => item.track.uri),
    ]);
    const name = `processes-${process.pid}`;
    await using crawl = new Crawl({ name, redis: redis.url });
    const seeds = [artist.uri, playlist.uri];
    expect(await crawl.add(seeds)).toEqual({ added: 2, known: 0 });

    const delay = schedulingDelay();
    const before = spotify.requests.length;
    const workers = [worker(name), worker(name), worker(name)];
    // Kill one mid-crawl, with jobs in hand, then start it again.
    for (let i = 0; i < 400 && (await crawl.status()).results < 60; i += 1)
      await new Promise((resolve) => setTimeout(resolve, 25));
    const killed = workers[0] as Running;
    killed.child.kill('SIGKILL');
    expect((await killed.done).code).toBe(null);
    const restarted = worker(name);
    const ends = await Promise.all([workers[1]!.done, workers[2]!.done, restarted.done]);
    const allowance = BASE_JITTER_MS + Math.max(delay.stop(), ...ends.map((end) => lastLine(end.out).delayMs));

    expect(ends.map((end) => end.code)).toEqual([0, 0, 0]);
    const status = await crawl.status();
    expect(status.jobs).toMatchObject({ failed: 0, waiting: 0, active: 0 });
    const uris: string[] = [];
    for await (const entity of crawl.results()) uris.push((entity as { uri: string }).uri);
    expect(uris).toHaveLength(expected.size);
    expect(new Set(uris)).toEqual(expected);
    expect(status.done).toEqual({ artist: 1, album: 3, playlist: 1, track: 280 });

    // The fleet's window, per host, at the fake: never more than burst + perSecond·t.
    const requests = spotify.requests.slice(before);
    for (const host of new Set(requests.map((request) => request.host))) {
      const times = requests.filter((request) => request.host === host).map((request) => request.receivedAt);
      expect({ host, excess: worstExcess(times, PER_SECOND, BURST, allowance) <= 0 }).toEqual({ host, excess: true });
    }
    expect(await crawl.add(seeds)).toEqual({ added: 0, known: 2 });
    await crawl.drop();
  }, 90_000);

  it('SIGTERM: a worker stops taking jobs, hands back or finishes the active ones, and exits 0', async () => {
    const playlist = spotify.add(fakePlaylist({}, 120));
    const name = `sigterm-${process.pid}`;
    await using crawl = new Crawl({ name, redis: redis.url });
    await crawl.add([playlist.uri]);
    const running = worker(name);
    for (let i = 0; i < 400 && (await crawl.status()).results < 10; i += 1)
      await new Promise((resolve) => setTimeout(resolve, 25));
    running.child.kill('SIGTERM');
    const end = await running.done;
    expect(end.code).toBe(0);
    expect(lastLine(end.out)).toMatchObject({ stopped: true });
    const status = await crawl.status();
    expect(status.jobs.active).toBe(0);
    expect(status.results).toBeLessThan(121);
    // What is left is done by the next worker.
    const next = worker(name);
    expect((await next.done).code).toBe(0);
    expect((await crawl.status()).results).toBe(121);
    await crawl.drop();
  }, 60_000);
});

it.runIf(!available)('says it skipped the crawl process tests', () => {
  console.warn('crawl on processes: SKIPPED — redis-server is not installed');
});
