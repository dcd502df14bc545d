/** `spotify-scraper crawl` against the fake Spotify and a real redis-server (SPEC §12). */
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { progressText } from '../../src/cli/crawl-command.js';
import { fakeAlbum, fakePlaylist, startFakeSpotify, type FakeSpotify } from '../../src/testing/index.js';
import { runCliInProcess } from '../helpers/cli-in-process.js';
import { redisAvailable, startRedis, type RedisServer } from '../helpers/redis.js';

const available = redisAvailable('crawl command');
let redis: RedisServer;
let spotify: FakeSpotify;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'crawl-cli-'));
  if (!available) return;
  redis = await startRedis();
  spotify = await startFakeSpotify();
});

afterAll(async () => {
  await spotify?.close();
  await redis?.stop();
  await rm(dir, { recursive: true, force: true });
});

const crawl = (name: string, ...args: string[]) =>
  runCliInProcess(['crawl', ...args, '--redis', redis.url, '--name', name, '--origin', spotify.origin, '--quiet']);

describe.skipIf(!available)('spotify-scraper crawl', () => {
  it('add, work, status --json, export --out (each entity once, sorted by uri), add again, retry, drop', async () => {
    const album = spotify.add(fakeAlbum({}, 6));
    const playlist = spotify.add(fakePlaylist({}, 20));
    const name = `cli-${process.pid}`;
    const added = await crawl(name, 'add', album.uri, playlist.url);
    expect([added.code, added.json()]).toEqual([0, { added: 2, known: 0 }]);
    const work = await crawl(name, 'work', '--rate', '200', '--burst', '20', '--summary');
    expect(work.code).toBe(0);
    expect(work.json()).toEqual({ stored: 28, stopped: false });
    expect(work.stderr).toBe('');
    const status = await crawl(name, 'status', '--json');
    expect(status.json()).toMatchObject({ results: 28, done: { album: 1, playlist: 1, track: 26 } });
    const out = join(dir, 'crawl.ndjson');
    const exported = await crawl(name, 'export', '--out', out);
    expect(exported.code).toBe(0);
    const uris = (await readFile(out, 'utf8'))
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { uri: string }).uri);
    expect(uris).toEqual([...new Set(uris)].sort());
    expect(uris).toHaveLength(28);
    expect((await readdir(dir)).filter((file) => file.endsWith('.part'))).toEqual([]);
    expect((await crawl(name, 'add', album.uri)).json()).toEqual({ added: 0, known: 1 });
    expect((await crawl(name, 'retry')).json()).toEqual({ retried: 0 });
    expect((await crawl(name, 'status')).stdout).toMatch(
      /^crawl cli-\d+\njobs: 0 waiting, 0 active, 0 delayed, 28 done, 0 failed\nresults: 28/,
    );
    expect((await crawl(name, 'drop')).json()).toEqual({ dropped: name });
    expect((await crawl(name, 'status', '--json')).json()).toMatchObject({ results: 0 });
  });

  it('a bad action, a bad name, a bare id: usage errors (exit 2) before any job', async () => {
    const bad = await crawl('ok', 'crawlit');
    expect([bad.code, bad.stderr]).toEqual([
      2,
      expect.stringMatching(/crawl takes add, work, status, export, retry, drop/),
    ]);
    const name = await crawl('bad name', 'status');
    expect([name.code, name.stderr]).toEqual([2, expect.stringMatching(/A crawl name is/)]);
    const bare = await crawl('ok', 'add', '4uLU6hMCjMI75M1A2tKUQC');
    expect([bare.code, bare.stderr]).toEqual([2, expect.stringMatching(/needs its type/)]);
    const out = await crawl('ok', 'export', '--out', join(dir, 'missing', 'x.ndjson'));
    expect([out.code, out.stderr]).toEqual([2, expect.stringMatching(/Cannot write --out .*ENOENT/)]);
  });
});

it('the progress line: done/total by type, failures, rate and ETA', () => {
  expect(progressText('label', { done: { track: 40, album: 2 }, total: 100, failed: 3, perSecond: 5 })).toBe(
    'crawl label: 42/100 (track 40, album 2, 3 failed) 5.0/s ETA 0:11',
  );
  expect(progressText('x', { done: {}, total: 0, failed: 0, perSecond: 0 })).toBe('crawl x: 0/0 (nothing yet) 0.0/s');
});

it.runIf(!available)('says it skipped the crawl command tests', () => {
  console.warn('crawl command: SKIPPED — redis-server is not installed');
});
