/**
 * The first hour, round 3: the command line as a new user meets it. The progress bar on a real
 * terminal (a pseudo-terminal through `script`), per-command options, exit codes, captures of any
 * command. The built CLI (dist/cli.js) runs against the testing kit's fake Spotify.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AsyncSpotifyClient } from '../../src/index.js';
import { CATALOGUE, FAKE_SP_DC, addCatalogue, startFakeSpotify, type FakeSpotify } from '../../src/testing/index.js';
import { runCommand, runNode } from '../helpers/run-process.js';

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'dist', 'cli.js');
const hasScript = (() => {
  try {
    execFileSync('script', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

let spotify: FakeSpotify;
let dir: string;

beforeAll(async () => {
  spotify = await startFakeSpotify();
  addCatalogue(spotify);
  dir = await mkdtemp(join(tmpdir(), 'first-hour-'));
});

afterAll(async () => {
  await spotify.close();
  await rm(dir, { recursive: true, force: true });
});

/** The CLI on a pseudo-terminal: stdout and stderr are the same terminal, as a user sees them. */
function onTerminal(args: string[], env: NodeJS.ProcessEnv = {}) {
  const line = [process.execPath, BIN, ...args].map((word) => `'${word.replace(/'/g, `'\\''`)}'`).join(' ');
  return runCommand('script', ['-qec', line, '/dev/null'], '', { ...process.env, TERM: 'xterm', ...env });
}

const VALUES = [CATALOGUE.track, `spotify:album:${CATALOGUE.album}`, CATALOGUE.track.replace(/1$/, '9')];

describe.skipIf(!hasScript || process.platform !== 'linux')('#1 the progress bar on a real terminal', () => {
  it('never glues itself to a JSON line or an error line', async () => {
    expect(existsSync(BIN)).toBe(true);
    const run = await onTerminal([
      'track',
      ...VALUES.slice(0, 1),
      CATALOGUE.track,
      VALUES[2]!,
      '--origin',
      spotify.origin,
    ]);
    const shown = run.stdout.replace(/\r\n/g, '\n');
    // The bar was drawn (a terminal, several values)…
    expect(shown).toMatch(/\[[#.]{24}\] \d\/3/);
    // …and whatever else was written starts on a clean line: after the last carriage return of each
    // line there is a whole JSON document or a whole error line.
    const lines = shown.split('\n').map((line) => line.slice(line.lastIndexOf('\r') + 1));
    const content = lines.filter((line) => line.trim() !== '');
    expect(content.length).toBeGreaterThanOrEqual(3);
    for (const line of content) {
      if (line.startsWith('error: ')) expect(line).toMatch(/^error: "[^"]+": /);
      else expect(() => JSON.parse(line), line).not.toThrow();
    }
  }, 30_000);

  it('is not drawn with --quiet, --no-progress, TERM=dumb, or when stderr is not a terminal', async () => {
    const bar = /\[[#.]{24}\]/;
    const args = ['track', CATALOGUE.track, CATALOGUE.track, '--origin', spotify.origin];
    expect((await onTerminal([...args, '--quiet'])).stdout).not.toMatch(bar);
    expect((await onTerminal([...args, '--no-progress'])).stdout).not.toMatch(bar);
    expect((await onTerminal(args, { TERM: 'dumb' })).stdout).not.toMatch(bar);
    const piped = await runNode([BIN, ...args]);
    expect(piped.stderr).not.toMatch(bar);
  }, 30_000);
});

describe('#2 each command takes its own options', () => {
  it("fake-spotify's help offers no --cache, --input or --fleet-redis; the getters' do", async () => {
    const fake = await runNode([BIN, 'fake-spotify', '--help']);
    for (const option of ['--cache', '--input', '--fleet-redis', '--rate', '--no-partner-api'])
      expect(fake.stdout).not.toContain(option);
    expect(fake.stdout).toContain('--replay');
    const search = await runNode([BIN, 'search', '--help']);
    expect(search.stdout).not.toContain('--no-partner-api');
    expect(search.stdout).not.toContain('--input');
    expect(search.stdout).toContain('--type');
  });

  it('an option that does not apply is a usage error (exit 2) naming the command', async () => {
    const run = await runNode([BIN, 'charts', '--input', '/nonexistent']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^error: charts does not take --input/);
    const fake = await runNode([BIN, 'fake-spotify', '--cache', 'redis://127.0.0.1:1']);
    expect(fake.code).toBe(2);
    expect(fake.stderr).toMatch(/^error: fake-spotify does not take --cache/);
  });
});

describe('#3 exit codes say what happened', () => {
  it('--cookies given the value instead of a path: exit 2, pass a file or use SPOTIFY_SP_DC, the value never echoed', async () => {
    const pasted = 'AQDpastedCookieValueThatIsNotAFile_0123456789';
    const run = await runNode([BIN, 'lyrics', CATALOGUE.track, '--cookies', pasted, '--origin', spotify.origin]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--cookies takes the path of a cookies file/);
    expect(run.stderr).toMatch(/set SPOTIFY_SP_DC instead/);
    expect(run.stderr + run.stdout).not.toContain(pasted);
  });

  it('a refused account is still exit 5', async () => {
    const file = join(dir, 'cookies.txt');
    await writeFile(file, 'not-the-fake-cookie-value\n');
    const run = await runNode([BIN, 'account', '--cookies', file, '--origin', spotify.origin]);
    expect(run.code).toBe(5);
  });

  it('a single failed value prints error: "value": reason', async () => {
    const missing = CATALOGUE.track.replace(/1$/, '9');
    const run = await runNode([BIN, 'track', missing, '--origin', spotify.origin]);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(new RegExp(`^error: "${missing}": `));
  });
});

describe('#4 a capture holds what a bug report needs', () => {
  it('capture search "…": the search is recorded, and replays', async () => {
    const out = join(dir, 'search.json');
    const run = await runNode([BIN, 'capture', 'search', CATALOGUE.query, '--out', out, '--origin', spotify.origin]);
    expect(run.code).toBe(0);
    const file = JSON.parse(await readFile(out, 'utf8'));
    expect(file.exchanges.some((e: { operation: string }) => e.operation === 'searchDesktop')).toBe(true);
    await using replay = await startFakeSpotify({ replay: file });
    await using client = new AsyncSpotifyClient({ ...replay.clientOptions });
    const results = await client.search(CATALOGUE.query);
    expect(results.tracks.length).toBeGreaterThan(0);
  });

  it('capture --command discography <artist>, with the getters options (--max-tracks) for values', async () => {
    const out = join(dir, 'discography.json');
    const run = await runNode([
      BIN,
      'capture',
      '--command',
      'discography',
      CATALOGUE.artist,
      '--out',
      out,
      '--origin',
      spotify.origin,
    ]);
    expect(run.code).toBe(0);
    const file = JSON.parse(await readFile(out, 'utf8'));
    expect(file.calls).toEqual([
      { value: `discography ${CATALOGUE.artist} --origin ${spotify.origin}`, type: 'discography', ok: true },
    ]);
    expect(file.exchanges.some((e: { operation: string }) => e.operation === 'queryArtistDiscographyAll')).toBe(true);
    const values = join(dir, 'values.json');
    const cut = await runNode([
      BIN,
      'capture',
      `spotify:playlist:${CATALOGUE.playlist}`,
      '--max-tracks',
      '5',
      '--out',
      values,
      '--origin',
      spotify.origin,
    ]);
    expect(cut.code).toBe(0);
    const pages = JSON.parse(await readFile(values, 'utf8')).exchanges.filter(
      (e: { operation: string }) => e.operation === 'fetchPlaylist',
    );
    expect(pages[0].variables.limit).toBe(5);
  });

  it('capture of an account command: the cookie is in no byte of the file', async () => {
    const out = join(dir, 'lyrics.json');
    const run = await runNode(
      [BIN, 'capture', 'lyrics', CATALOGUE.track, '--out', out, '--origin', spotify.origin],
      '',
      {
        ...process.env,
        SPOTIFY_SP_DC: FAKE_SP_DC,
      },
    );
    expect(run.code).toBe(0);
    const text = await readFile(out, 'utf8');
    expect(text).toContain('color-lyrics');
    expect(text).not.toContain(FAKE_SP_DC);
  });
});

describe('#8 colors of a bare id', () => {
  it('says which type it assumed', async () => {
    const run = await runNode([BIN, 'colors', CATALOGUE.track, '--origin', spotify.origin]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/a bare id is read as a track \(give spotify:album:/);
  });
});
