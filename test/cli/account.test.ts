/** The account commands of the CLI (SPEC §10) against the testing kit's fake, through --origin. */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  FAKE_SP_DC,
  fakeAccount,
  fakeCanvas,
  fakeCredits,
  fakeLyrics,
  fakePlaylist,
  fakeTrack,
  fakeTranscript,
  fakeUser,
  startFakeSpotify,
  type FakeSpotify,
} from '../../src/testing/index.js';
import { runCliInProcess } from '../helpers/cli-in-process.js';
import { runNode } from '../helpers/run-process.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'dist', 'cli.js');
let spotify: FakeSpotify;
let dir: string;
let cookieFile: string;
const savedEnv = process.env['SPOTIFY_SP_DC'];

beforeAll(() => {
  if (!existsSync(BIN)) execFileSync('npx', ['tsup', '--silent'], { cwd: ROOT, stdio: 'inherit' });
});

beforeEach(async () => {
  spotify = await startFakeSpotify();
  dir = await mkdtemp(join(tmpdir(), 'cli-account-'));
  cookieFile = join(dir, 'cookies.txt');
  await writeFile(cookieFile, `#HttpOnly_.spotify.com\tTRUE\t/\tTRUE\t1893456000\tsp_dc\t${FAKE_SP_DC}\n`);
  delete process.env['SPOTIFY_SP_DC'];
});

afterEach(async () => {
  await spotify.close();
  await rm(dir, { recursive: true, force: true });
});

afterAll(() => {
  if (savedEnv === undefined) delete process.env['SPOTIFY_SP_DC'];
  else process.env['SPOTIFY_SP_DC'] = savedEnv;
});

/** A command against the fake (charts makes no request: it takes no --origin). */
const cli = (...args: string[]) =>
  runCliInProcess([...args, ...(args[0] === 'charts' ? [] : ['--origin', spotify.origin]), '--quiet']);

describe('the account commands', () => {
  it('lyrics --format lrc end to end (the built binary): the LRC with the track in its header', async () => {
    const track = spotify.add(fakeTrack({ name: 'Fake Song' }));
    spotify.addLyrics(
      fakeLyrics({
        trackId: track.id,
        lines: [
          { startMs: 1_000, endMs: null, text: 'Hello' },
          { startMs: 62_500, endMs: null, text: 'Goodbye' },
        ],
      }),
    );
    const result = await runNode([
      BIN,
      'lyrics',
      track.id,
      '--format',
      'lrc',
      '--cookies',
      cookieFile,
      '--origin',
      spotify.origin,
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      `[ti:Fake Song]\n[ar:${track.artists[0]!.name}]\n[al:${track.album!.name}]\n[00:01.00]Hello\n[01:02.50]Goodbye\n`,
    );
    expect(result.stdout + result.stderr).not.toContain(FAKE_SP_DC);
  });

  it('lyrics as JSON and text; the cookie from SPOTIFY_SP_DC; several values in input order', async () => {
    const [a, b] = [spotify.addLyrics(fakeLyrics()), spotify.addLyrics(fakeLyrics({ syncType: 'UNSYNCED' }))];
    process.env['SPOTIFY_SP_DC'] = FAKE_SP_DC;
    const json = await cli('lyrics', a.trackId);
    expect(json.code).toBe(0);
    expect(json.json()).toEqual(a);
    const text = await cli('lyrics', a.trackId, b.trackId, '--format', 'text');
    expect(text.stdout).toBe(`${a.lines.map((l) => l.text).join('\n')}\n\n${b.lines.map((l) => l.text).join('\n')}\n`);
  });

  it('a missing cookie: one line naming --cookies FILE and SPOTIFY_SP_DC, exit 2, no request', async () => {
    for (const command of [['lyrics', fakeLyrics().trackId], ['transcript', 'x'], ['user', 'spotify'], ['account']]) {
      const result = await cli(...command);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(
        /^error: \w+ needs a Spotify account: pass --cookies FILE .* or set SPOTIFY_SP_DC\n$/,
      );
      expect(result.stdout).toBe('');
    }
    expect(spotify.requests).toHaveLength(0);
    // There is no way to give the value itself on the command line.
    const flag = await cli('lyrics', 'x', '--sp-dc', FAKE_SP_DC);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toMatch(/^error: lyrics does not take --sp-dc/);
  });

  it('a rejected cookie: exit 5, a message saying to export a fresh one, never the cookie', async () => {
    await writeFile(cookieFile, 'AQ-a-stale-cookie-value');
    const result = await cli('account', '--cookies', cookieFile);
    expect(result.code).toBe(5);
    expect(result.stderr).toMatch(/export a fresh one/);
    expect(result.stdout + result.stderr).not.toContain('AQ-a-stale-cookie-value');
  });

  it('credits, canvas (--download), transcript --format text, user, account, chart and charts', async () => {
    const track = spotify.add(fakeTrack());
    const credits = spotify.addCredits(fakeCredits({ trackId: track.id }));
    const canvas = spotify.addCanvas(fakeCanvas({ trackId: track.id }));
    const transcript = spotify.addTranscript(fakeTranscript());
    const user = spotify.addUser(fakeUser());
    spotify.auth.account = fakeAccount({ product: 'free' });
    const chart = spotify.add(fakePlaylist({ id: '37i9dQZF1DXcBWIGoYBM5M' }, 3));

    expect((await cli('credits', track.id)).json()).toEqual(credits);
    expect((await cli('canvas', track.id)).json()).toEqual(canvas);
    const saved = await cli('canvas', track.id, '--download', join(dir, 'videos'));
    expect(saved.code).toBe(0);
    const { path } = saved.json() as { path: string };
    expect((await readFile(path)).subarray(4, 8).toString()).toBe('ftyp');
    const text = await cli('transcript', transcript.episodeId, '--format', 'text', '--cookies', cookieFile);
    expect(text.stdout).toBe(
      'Introduction\n\nSpeaker 1\n[00:00] Welcome to the show.\n[00:02] Today we talk about tests.\n[00:06] [Music]\n',
    );
    expect((await cli('user', user.uri, '--cookies', cookieFile)).json()).toEqual(user);
    expect((await cli('account', '--cookies', cookieFile)).json()).toEqual(fakeAccount({ product: 'free' }));
    expect((await cli('chart', 'todays-top-hits')).json()).toEqual(chart);
    const charts = await cli('charts');
    expect((charts.json() as Array<{ key: string }>).map((c) => c.key)).toContain('top-50-global');
    const unknown = await cli('chart', 'top-1000');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown chart "top-1000": the keys are top-50-global/);
    const missing = await cli('canvas', spotify.add(fakeTrack()).id, '--download', dir);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toMatch(/has no Canvas/);
  });
});
