/**
 * Saved sessions (SPEC §13): login from stdin into a temporary config folder (0600 in 0700), account
 * commands without SPOTIFY_SP_DC, session, logout; a file others can read is refused; the cookie is in
 * no output of any of them.
 */
import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSession } from '../../src/index.js';
import { FAKE_SP_DC, fakeLyrics, fakeTrack, startFakeSpotify, type FakeSpotify } from '../../src/testing/index.js';
import { runCliInProcess } from '../helpers/cli-in-process.js';

let spotify: FakeSpotify;
let home: string;
const saved = { dir: process.env['SPOTIFY_SCRAPER_CONFIG_DIR'], cookie: process.env['SPOTIFY_SP_DC'] };

beforeAll(async () => {
  spotify = await startFakeSpotify();
  home = await mkdtemp(join(tmpdir(), 'session-'));
  process.env['SPOTIFY_SCRAPER_CONFIG_DIR'] = join(home, 'config');
  delete process.env['SPOTIFY_SP_DC'];
});

afterAll(async () => {
  if (saved.dir === undefined) delete process.env['SPOTIFY_SCRAPER_CONFIG_DIR'];
  else process.env['SPOTIFY_SCRAPER_CONFIG_DIR'] = saved.dir;
  if (saved.cookie !== undefined) process.env['SPOTIFY_SP_DC'] = saved.cookie;
  await spotify.close();
  await rm(home, { recursive: true, force: true });
});

const cli = (args: string[], stdin?: string) => runCliInProcess([...args, '--origin', spotify.origin], stdin);
const noOrigin = (args: string[], stdin?: string) => runCliInProcess(args, stdin);

describe('login, session, logout', () => {
  it('login --stdin checks the cookie, saves it 0600 in a 0700 folder; account commands use it; logout removes it', async () => {
    const outputs: string[] = [];
    const track = spotify.add(fakeTrack());
    const lyrics = spotify.addLyrics(fakeLyrics({ trackId: track.id }));
    const before = await noOrigin(['lyrics', track.id]);
    expect(before.code).toBe(2);
    expect(before.stderr).toMatch(/needs a Spotify account/);

    const login = await cli(['login', '--stdin'], `${FAKE_SP_DC}\n`);
    outputs.push(login.stdout, login.stderr);
    expect(login.code).toBe(0);
    const path = join(home, 'config', 'session.json');
    expect(login.json()).toEqual({ saved: path, product: 'premium', country: expect.any(String) });
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect((await stat(join(home, 'config'))).mode & 0o777).toBe(0o700);
    expect(JSON.parse(await readFile(path, 'utf8'))).toMatchObject({ sp_dc: FAKE_SP_DC });

    const used = await cli(['lyrics', track.id]);
    outputs.push(used.stdout, used.stderr);
    expect(used.code).toBe(0);
    expect(used.json()).toEqual(lyrics);

    const session = await noOrigin(['session']);
    outputs.push(session.stdout, session.stderr);
    expect(session.json()).toMatchObject({ saved: true, path, product: 'premium' });

    const loaded = await loadSession();
    expect(loaded?.cookies).toBe(FAKE_SP_DC);
    outputs.push(inspect(loaded), JSON.stringify(loaded), String(loaded));

    const logout = await noOrigin(['logout']);
    outputs.push(logout.stdout, logout.stderr);
    expect(logout.json()).toEqual({ removed: true, path });
    expect(await loadSession()).toBeNull();
    expect((await noOrigin(['session'])).json()).toMatchObject({ saved: false });
    expect(outputs.join('\n')).not.toContain(FAKE_SP_DC);
  });

  it('a refused cookie saves nothing (exit 5); a session file others can read is refused with how to fix it', async () => {
    const refused = await cli(['login', '--stdin'], 'not-the-cookie\n');
    expect(refused.code).toBe(5);
    expect(refused.stderr).toMatch(/Spotify refused this cookie.*nothing was saved/);
    expect(refused.stderr + refused.stdout).not.toContain('not-the-cookie');
    expect(await loadSession()).toBeNull();

    expect((await cli(['login', '--stdin'], FAKE_SP_DC)).code).toBe(0);
    const path = join(home, 'config', 'session.json');
    await chmod(path, 0o644);
    await expect(loadSession()).rejects.toThrow(/can be read by others \(mode 644\): run chmod 600/);
    const session = await noOrigin(['session']);
    expect(session.code).toBe(2);
    expect(session.stderr).toMatch(/chmod 600/);
    await writeFile(path, 'garbage', { mode: 0o600 });
    await chmod(path, 0o600);
    await expect(loadSession()).rejects.toThrow(/is not a session file/);
    expect((await noOrigin(['logout'])).json()).toMatchObject({ removed: true });
  });

  it('the environment and --cookies come before a saved session', async () => {
    expect((await cli(['login', '--stdin'], FAKE_SP_DC)).code).toBe(0);
    const track = spotify.add(fakeTrack());
    spotify.addLyrics(fakeLyrics({ trackId: track.id }));
    process.env['SPOTIFY_SP_DC'] = 'a-cookie-spotify-refuses';
    try {
      const run = await cli(['lyrics', track.id]);
      expect(run.code).toBe(5);
    } finally {
      delete process.env['SPOTIFY_SP_DC'];
    }
    expect((await cli(['lyrics', track.id])).code).toBe(0);
    await noOrigin(['logout']);
  });
});
