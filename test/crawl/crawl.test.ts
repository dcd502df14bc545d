/**
 * Crawls on BullMQ (SPEC §12) in one process, against a real redis-server and the fake Spotify: one job
 * per entity, expansion, summary batches, final and retried errors, hostile job data, names, results.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Crawl } from '../../src/crawl/index.js';
import { PREFIX } from '../../src/crawl/names.js';
import {
  fakeAlbum,
  fakeArtist,
  fakePlaylist,
  fakeRelease,
  fakeTrack,
  releaseOf,
  startFakeSpotify,
  type FakeSpotify,
} from '../../src/testing/index.js';
import { redisAvailable, startRedis, type RedisServer } from '../helpers/redis.js';

const available = redisAvailable('crawl');
let redis: RedisServer;
let spotify: FakeSpotify;
let crawls: Crawl[] = [];
let serial = 0;

beforeAll(async () => {
  if (available) redis = await startRedis();
});

afterAll(async () => {
  await redis?.stop();
});

beforeEach(async () => {
  spotify = await startFakeSpotify();
});

afterEach(async () => {
  for (const crawl of crawls) {
    await crawl.drop().catch(() => undefined);
    await crawl.close();
  }
  crawls = [];
  await spotify.close();
});

/** A crawl of its own name on the test's Redis, its clients on the fake (no fleet: one process). */
function crawlOf(options: { detail?: 'full' | 'summary'; name?: string } = {}): Crawl {
  const crawl = new Crawl({
    name: options.name ?? `test-${process.pid}-${(serial += 1)}`,
    redis: redis.url,
    detail: options.detail,
    client: { ...spotify.clientOptions, fleet: undefined },
    lockDurationMs: 2_000,
  });
  crawls.push(crawl);
  return crawl;
}

describe.skipIf(!available)('a crawl', () => {
  it('one job per entity: a playlist and an album sharing tracks, added twice, fetch each entity once', async () => {
    const album = spotify.add(fakeAlbum({}, 5));
    const playlist = spotify.add(
      fakePlaylist({
        tracks: [...album.tracks.slice(0, 3), fakeTrack(), fakeTrack()].map((track) => ({
          track,
          addedAt: null,
          addedBy: null,
        })),
      } as never),
    );
    const crawl = crawlOf();
    expect(await crawl.add([album.uri, playlist.url])).toEqual({ added: 2, known: 0 });
    expect(await crawl.add([album.uri, playlist.uri])).toEqual({ added: 0, known: 2 });
    const stored: unknown[] = [];
    const { stored: count } = await crawl.work({ concurrency: 10, onResult: (entity) => stored.push(entity) });
    // The album, the playlist, 5 album tracks and 2 more from the playlist.
    expect(count).toBe(9);
    const results: Array<{ uri: string }> = [];
    for await (const entity of crawl.results()) results.push(entity as { uri: string });
    expect(results.map((entity) => entity.uri)).toEqual([...new Set(results.map((entity) => entity.uri))].sort());
    expect(results).toHaveLength(9);
    const trackRequests = spotify.requests.filter((request) => request.operation === 'getTrack');
    expect(new Set(trackRequests.map((request) => request.url.searchParams.get('variables'))).size).toBe(
      trackRequests.length,
    );
    const status = await crawl.status();
    expect(status).toMatchObject({ results: 9, done: { album: 1, playlist: 1, track: 7 }, jobs: { failed: 0 } });
  });

  it("an artist expands to its discography's albums and their tracks; summaries are read 50 a request", async () => {
    const artist = spotify.add(fakeArtist());
    const albums = [spotify.add(fakeAlbum({}, 40)), spotify.add(fakeAlbum({}, 40))];
    spotify.setDiscography(artist.id, albums.map(releaseOf));
    const crawl = crawlOf({ detail: 'summary' });
    await crawl.add([artist.uri]);
    await crawl.work({ concurrency: 100 });
    const status = await crawl.status();
    expect(status.done).toEqual({ artist: 1, album: 2, track: 80 });
    const decorate = spotify.requests.filter((request) => request.operation === 'decorateContextTracks');
    expect(decorate.length).toBeLessThanOrEqual(6);
    expect(spotify.requests.filter((request) => request.operation === 'getTrack')).toHaveLength(0);
  });

  it('a NotFoundError is final and listed; hostile job data fails its job with a clear error, the worker goes on', async () => {
    const track = spotify.add(fakeTrack());
    const crawl = crawlOf();
    await crawl.add([track.uri, fakeTrack().uri]);
    // Something else wrote into the crawl's queue.
    const { Queue } = await import('bullmq');
    const queue = new Queue(`crawl-${crawl.name}`, { connection: { url: redis.url } as never, prefix: PREFIX });
    await queue.add('track', { type: 'track', id: '../../etc/passwd', expand: 'yes' }, { jobId: 'hostile' });
    await queue.close();
    await crawl.work({ concurrency: 4 });
    const status = await crawl.status();
    expect(status.results).toBe(1);
    expect(status.jobs.failed).toBe(2);
    expect(status.failed.map((job) => job.reason).sort()).toEqual([
      expect.stringMatching(/^NotFoundError: /),
      expect.stringMatching(/^job "hostile": its data is not what Crawl.add wrote$/),
    ]);
  });

  it('refuses a bad name, a bare id and a non-Spotify seed before adding anything', async () => {
    expect(() => new Crawl({ name: 'a b:c', redis: 'redis://127.0.0.1:1' })).toThrow(/A crawl name is/);
    expect(() => new Crawl({ name: 'ok', redis: 'http://x' })).toThrow(/redis:\/\/ URL/);
    const crawl = crawlOf();
    const track = fakeTrack();
    await expect(crawl.add([track.uri, track.id])).rejects.toThrow(/needs its type/);
    await expect(crawl.add([track.uri, 'https://example.com/x'])).rejects.toMatchObject({ name: 'InvalidInputError' });
    expect((await crawl.status()).jobs).toMatchObject({ waiting: 0, completed: 0 });
  });

  it('two crawls of different names never see each other; drop deletes one whole', async () => {
    const track = spotify.add(fakeTrack());
    const other = spotify.add(fakeTrack());
    const a = crawlOf();
    const b = crawlOf();
    await a.add([track.uri]);
    await b.add([other.uri]);
    await a.work({ concurrency: 2 });
    expect((await a.status()).results).toBe(1);
    expect((await b.status()).jobs.waiting).toBe(1);
    expect((await b.status()).results).toBe(0);
    await a.drop();
    expect((await a.status()).results).toBe(0);
    expect((await a.add([track.uri])).added).toBe(1);
  });

  it('retryFailed sends failed jobs back; pause holds the workers until resume', async () => {
    const missing = fakeTrack();
    const crawl = crawlOf();
    await crawl.add([missing.uri]);
    await crawl.work({ concurrency: 1 });
    expect((await crawl.status()).jobs.failed).toBe(1);
    spotify.add(missing);
    expect(await crawl.retryFailed()).toBe(1);
    await crawl.pause();
    expect((await crawl.status()).paused).toBe(true);
    const stopped = new AbortController();
    const working = crawl.work({ concurrency: 1, untilDone: false, signal: stopped.signal });
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect((await crawl.status()).results).toBe(0);
    await crawl.resume();
    for (let i = 0; i < 100 && (await crawl.status()).results === 0; i += 1)
      await new Promise((resolve) => setTimeout(resolve, 50));
    stopped.abort();
    await working;
    expect((await crawl.status()).results).toBe(1);
  });

  it('a 429 rate-limits the whole queue for its Retry-After and the job goes back without using an attempt', async () => {
    const tracks = [spotify.add(fakeTrack()), spotify.add(fakeTrack())];
    // Three 429s in a row for the first track (retries off: each is a RateLimitedError at once).
    spotify.fail({ status: 429, retryAfter: 1 }, { value: tracks[0]!.uri, times: 3 });
    const crawl = new Crawl({
      name: `ratelimit-${process.pid}-${(serial += 1)}`,
      redis: redis.url,
      client: { ...spotify.clientOptions, fleet: undefined },
      attempts: 2,
    });
    crawls.push(crawl);
    await crawl.add(tracks.map((track) => track.uri));
    await crawl.work({ concurrency: 1 });
    const status = await crawl.status();
    // Three refusals, two attempts allowed: none was spent on a 429.
    expect(status).toMatchObject({ results: 2, jobs: { failed: 0 } });
    const embeds = spotify.requests.filter((request) => request.path === `/embed/track/${tracks[0]!.id}`);
    expect(embeds).toHaveLength(4);
    // Each try after a 429 came after its Retry-After (on the fake's clock, less a scheduling allowance).
    for (let index = 1; index < embeds.length; index += 1)
      expect(embeds[index]!.receivedAt - embeds[index - 1]!.receivedAt).toBeGreaterThanOrEqual(1_000 - 25);
    // The whole queue waited: no request at all (the other track's neither) within the first pause.
    const first = embeds[0]!.receivedAt;
    const during = spotify.requests.filter((request) => request.receivedAt > first && request.receivedAt < first + 975);
    expect(during).toEqual([]);
  }, 30_000);

  it('Redis going away mid-crawl (paused, connections dropped): the workers wait and finish, nothing lost or twice', async () => {
    const playlist = spotify.add(fakePlaylist({}, 60));
    const crawl = crawlOf();
    await crawl.add([playlist.uri]);
    const { Redis } = await import('ioredis');
    const admin = new Redis(redis.url);
    const working = crawl.work({ concurrency: 5 });
    for (let i = 0; i < 200 && (await crawl.status()).results < 10; i += 1)
      await new Promise((resolve) => setTimeout(resolve, 20));
    await admin.call('CLIENT', 'PAUSE', '1500', 'ALL');
    await admin.call('CLIENT', 'KILL', 'TYPE', 'normal', 'SKIPME', 'yes');
    await working;
    admin.disconnect();
    const status = await crawl.status();
    expect(status).toMatchObject({ results: 61, jobs: { failed: 0, waiting: 0, active: 0 } });
  }, 30_000);

  it('a release of the discography that is already an album job is not added twice', async () => {
    const artist = spotify.add(fakeArtist());
    const album = spotify.add(fakeAlbum({}, 2));
    spotify.setDiscography(artist.id, [releaseOf(album), fakeRelease()].slice(0, 1));
    const crawl = crawlOf();
    await crawl.add([album.uri, artist.uri]);
    await crawl.work({ concurrency: 4 });
    expect((await crawl.status()).done).toEqual({ artist: 1, album: 1, track: 2 });
  });
});

it.runIf(!available)('says it skipped the crawl tests', () => {
  console.warn('crawl: SKIPPED — redis-server is not installed');
});
