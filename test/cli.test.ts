/** The built `spotify-scraper` binary, run as a child process against a loopback server. */
import { execFileSync } from 'node:child_process';
import type { ServerResponse } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSpotify } from './helpers/fake-spotify.js';
import { discographyAnswer, searchAnswer } from './helpers/discovery.js';
import { sendHtml, sendJson, type Loopback } from './helpers/loopback.js';
import { JPEG } from './helpers/media.js';
import { runCommand, runNode, type ProcessResult } from './helpers/run-process.js';
import { startTlsProxy } from './helpers/tls-proxy.js';
import { fakePlaylist, startFakeSpotify as startFakeSpotifyKit } from '../src/testing/index.js';
import { embedHtml, embedState, listEntity, row, trackEntity } from './helpers/pages.js';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'dist', 'cli.js');
const A = '0DiWol3AO6WpXZgp0goxAV';
const B = '4uLU6hMCjMI75M1A2tKUQC';
const MISSING = '3zhcxqTLh1vlaSB1etvzNj';
const LIMITED = 'RateLimited00000000000';
const PLAYLIST = '37i9dQZF1DXcBWIGoYBM5M';
const SLOW = [
  'Slow0000000000000000000',
  'Slow1000000000000000000',
  'Slow2000000000000000000',
  'Slow3000000000000000000',
].map((id) => id.slice(0, 22));

let server: Loopback;
let dir: string;

beforeAll(async () => {
  if (!existsSync(BIN)) execFileSync('npx', ['tsup', '--silent'], { cwd: ROOT, stdio: 'inherit' });
  const track = (id: string, name: string) =>
    embedHtml(embedState(trackEntity({ id, uri: `spotify:track:${id}`, title: name, name })));
  server = await startFakeSpotify({
    [`/embed/track/${A}`]: track(A, 'One More Time'),
    [`/embed/track/${B}`]: track(B, 'Never Gonna Give You Up'),
    [`/embed/track/${LIMITED}`]: (_r, res) => sendHtml(res, 'slow down', 429, { 'retry-after': '3600' }),
    ...Object.fromEntries(
      SLOW.map((id, i) => [
        `/embed/track/${id}`,
        (_r: unknown, res: ServerResponse) =>
          void setTimeout(() => sendHtml(res, track(id, `Slow ${i}`)), (i + 1) * 250),
      ]),
    ),
    '/shortA': (_r, res) => sendHtml(res, '', 302, { location: `https://open.spotify.com/track/${A}?si=x` }),
    [`/embed/playlist/${PLAYLIST}`]: embedHtml(
      embedState(
        listEntity(
          'playlist',
          Array.from({ length: 30 }, () => row()),
          { id: PLAYLIST, uri: `spotify:playlist:${PLAYLIST}` },
        ),
      ),
    ),
    '/image/ab67616d0000b273': (_r, res) => void res.writeHead(200, { 'content-type': 'image/jpeg' }).end(JPEG),
    // The partner API: the discovery commands read it with the token of the bootstrap page (track B).
    '/pathfinder/v1/query': (request, res) => {
      const variables = JSON.parse(request.url.searchParams.get('variables') ?? '{}') as Record<string, any>;
      switch (request.url.searchParams.get('operationName')) {
        case 'searchDesktop':
          return sendJson(
            res,
            searchAnswer(variables['searchTerm'], Math.min(2, variables['limit']), variables['offset']),
          );
        case 'queryArtistDiscographyAll':
          return sendJson(res, discographyAnswer(variables['uri'], 8, variables['offset'], variables['limit']));
        default:
          return sendJson(res, { errors: [{ message: 'PersistedQueryNotFound' }] });
      }
    },
  });
  dir = mkdtempSync(join(tmpdir(), 'ss-cli-'));
}, 120_000);

afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Commands that read embed pages, and so take --no-partner-api (discovery reads only the partner API). */
const EMBED_COMMANDS = new Set(['track', 'album', 'artist', 'playlist', 'episode', 'show', 'download', 'colors']);

function cli(args: string[], stdin = '', env: NodeJS.ProcessEnv = process.env): Promise<ProcessResult> {
  const embedOnly = EMBED_COMMANDS.has(args[0] as string) ? ['--no-partner-api'] : [];
  return runNode([BIN, ...args, '--origin', server.origin, ...embedOnly], stdin, env);
}

describe('spotify-scraper CLI', () => {
  it('-v and --version print the version; --help lists the commands; a command lists its options', async () => {
    const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
    for (const flag of ['-v', '--version']) {
      const run = await runNode([BIN, flag]);
      expect(run.code).toBe(0);
      expect(run.stdout.trim()).toBe(version);
    }
    const help = await runNode([BIN, '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain(
      'Exit codes: 0 ok, 1 other error, 2 invalid input, 3 not found, 4 rate limited, 5 account refused',
    );
    for (const command of ['track', 'playlist', 'search', 'discography', 'download', 'lyrics', 'chart', 'account'])
      expect(help.stdout).toContain(command);
    const playlist = await runNode([BIN, 'playlist', '--help']);
    for (const option of ['--max-tracks', '--pretty', '--input', '--origin', '--quiet', '--no-progress', '--proxy'])
      expect(playlist.stdout).toContain(option);
    const show = await runNode([BIN, 'show', '--help']);
    expect(show.stdout).toContain('--max-episodes');
    expect(show.stdout).not.toContain('--max-tracks');
  });

  it('one value prints one JSON object; --pretty indents it', async () => {
    const run = await cli(['track', `https://open.spotify.com/track/${A}`]);
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ type: 'track', id: A, name: 'One More Time' });
    const pretty = await cli(['track', A, '--pretty']);
    expect(pretty.stdout).toContain('\n  "type": "track"');
  });

  it('one failing value: nothing on stdout, the reason on stderr without a class name, the exit code', async () => {
    const run = await cli(['track', MISSING]);
    expect(run.code).toBe(3);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(new RegExp(`^error: "${MISSING}": Not found \\(HTTP 404\\)`));
    expect(run.stderr).not.toContain('NotFoundError');
  });

  it('several values print NDJSON in input order, an error line for a failed one; exit code of the first failure', async () => {
    const run = await cli(['track', B, MISSING, A]);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((l) => l.id ?? l.error.name)).toEqual([B, 'NotFoundError', A]);
    expect(lines[1]).toMatchObject({ value: MISSING });
    expect(run.stderr).toContain(`error: "${MISSING}": Not found`);
    expect(run.code).toBe(3);
    const pretty = await cli(['track', B, A, '--pretty']);
    expect(JSON.parse(pretty.stdout).map((t: { id: string }) => t.id)).toEqual([B, A]);
  });

  it('streams each line as soon as it and the ones before it are done', async () => {
    // The server answers SLOW[i] after (i + 1) × 250 ms; four at once.
    const run = await cli(['track', ...SLOW, '--concurrency', '4']);
    expect(run.code).toBe(0);
    const lines = run.chunks.flatMap((chunk) =>
      chunk.text
        .trim()
        .split('\n')
        .map((text) => ({ at: chunk.at, id: JSON.parse(text).id })),
    );
    expect(lines.map((line) => line.id)).toEqual(SLOW);
    // The first line is out ~750 ms before the last one: not held back until the batch ends.
    expect((lines.at(-1)?.at ?? 0) - (lines[0]?.at ?? 0)).toBeGreaterThan(400);
  });

  it('keeps input order when a later value finishes first', async () => {
    const run = await cli(['track', SLOW[3] as string, A, '--concurrency', '2']);
    const lines = run.chunks.flatMap((chunk) =>
      chunk.text
        .trim()
        .split('\n')
        .map((text) => ({ at: chunk.at, id: JSON.parse(text).id })),
    );
    expect(lines.map((line) => line.id)).toEqual([SLOW[3], A]);
    // A was done long before, but waited for the slow value before it (answered after 1 s).
    expect(lines[1]?.at).toBeGreaterThanOrEqual(lines[0]?.at ?? Infinity);
    expect(lines[1]?.at).toBeGreaterThan(900);
  });

  it('| head -1: a reader that goes away ends the run quietly with exit code 0', async () => {
    const values = Array.from({ length: 30 }, () => A).join(' ');
    const run = await runCommand('bash', [
      '-c',
      `set -o pipefail; node ${BIN} track ${values} --origin ${server.origin} --no-partner-api --concurrency 1 | head -1; echo "status \${PIPESTATUS[0]}" >&2`,
    ]);
    expect(JSON.parse(run.stdout).id).toBe(A);
    expect(run.stderr).toContain('status 0');
    expect(run.stderr).not.toMatch(/EPIPE|Error:|at /);
  });

  it('reads values from --input FILE and from stdin', async () => {
    const file = join(dir, 'ids.txt');
    writeFileSync(file, `# my tracks\n${A}\n\nspotify:track:${B}\n`);
    const fromFile = await cli(['track', '--input', file]);
    expect(
      fromFile.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).id),
    ).toEqual([A, B]);
    const fromStdin = await cli(['track'], `${B}\n${A}\n`);
    expect(fromStdin.code).toBe(0);
    expect(
      fromStdin.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).id),
    ).toEqual([B, A]);
  });

  it('--max-tracks trims playlists', async () => {
    const run = await cli(['playlist', PLAYLIST, '--max-tracks', '7']);
    expect(JSON.parse(run.stdout).tracks).toHaveLength(7);
  });

  it.each([
    [
      ['track', 'https://example.com/x'],
      /^error: "https:\/\/example.com\/x": Not a Spotify id, URI or URL: "https:\/\/example.com\/x"/,
    ],
    [['track', `spotify:album:${A}`], /Expected a track, got an album/],
    [['track', A, '--rate', 'fast'], /--rate must be a number/],
    [['track', A, '--timeout', '99999999999999'], /--timeout must be at most/],
    [
      ['track', A, '--max-tracks', '7'],
      /^error: track does not take --max-tracks \(spotify-scraper track --help lists/,
    ],
    [['playlist', A, '--max-tracks', '-1'], /--max-tracks/],
    [['track', '--input', '/nonexistent/ids.txt'], /Cannot read --input/],
    [['nonsense'], /unknown command/],
    [['track', A, '--no-such-flag'], /^error: track does not take --no-such-flag/],
    [['charts', '--input', '/nonexistent'], /^error: charts does not take --input/],
    [['search', 'x', '--concurrency', '3'], /^error: search does not take --concurrency/],
    [['search', 'x', '--type', 'track,podcast'], /unknown type "podcast"/],
    [[], /no command given/],
  ])('%j -> exit code 2, the problem and a one-line hint', async (args, message) => {
    const run = await cli(args as string[]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n').length).toBeLessThanOrEqual(3);
    expect(run.stderr).not.toMatch(/InvalidInputError|options\./);
  });

  it('a bad --origin is a usage error, not a TypeError', async () => {
    const run = await runNode([BIN, 'track', A, '--origin', 'not a url']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^error: --origin must be an http\(s\) URL/);
  });

  it('values echoed in errors are escaped and cut short', async () => {
    const hostile = `\u001b[31mred\u0007${'x'.repeat(5_000_000)}`;
    const run = await cli(['track'], `${hostile}\n${A}\n`);
    expect(run.code).toBe(2);
    expect(run.stderr).not.toContain('\u001b');
    expect(run.stderr).toContain('\\u001b[31mred');
    expect(run.stderr.length).toBeLessThan(1_000);
  });

  it('a Retry-After beyond the retry budget is exit code 4', async () => {
    const run = await cli(['track', LIMITED]);
    expect(run.stderr).toMatch(/asked to wait|Rate limited/);
    expect(run.code).toBe(4);
  });

  it('search prints one JSON object of hits; --type keeps the types asked for', async () => {
    const run = await cli(['search', 'daft', 'punk', '--type', 'track,artist', '--limit', '2']);
    expect(run.code).toBe(0);
    const results = JSON.parse(run.stdout);
    expect(results).toMatchObject({ query: 'daft punk', albums: [], totals: { track: 1000, album: null } });
    expect(results.tracks).toHaveLength(2);
  });

  it('discography prints a JSON array per artist, NDJSON for several', async () => {
    const run = await cli(['discography', `spotify:artist:${A}`, B, '--max-releases', '3']);
    expect(run.code).toBe(0);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((releases: unknown[]) => releases.length)).toEqual([3, 3]);
  });

  it('download cover writes the file and prints its path; a second one takes a free name', async () => {
    const run = await cli(['download', 'cover', A, '--dest', join(dir, 'covers')]);
    expect(run.code).toBe(0);
    const { path } = JSON.parse(run.stdout);
    expect(path).toBe(join(dir, 'covers', 'One More Time.jpg'));
    expect(readFileSync(path)).toEqual(JPEG);
    const again = await cli(['download', 'cover', A, '--dest', join(dir, 'covers')]);
    expect(JSON.parse(again.stdout).path).toBe(join(dir, 'covers', 'One More Time (2).jpg'));
  });

  it('download preview of an album is refused with exit code 2 before any request', async () => {
    const start = server.requests.length;
    const run = await cli(['download', 'preview', `spotify:album:${A}`, '--dest', join(dir, 'previews')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Only tracks and episodes have previews, not albums/);
    expect(server.requests.length).toBe(start);
  });

  it('download takes the short links the getters take', async () => {
    const run = await cli(['download', 'cover', 'https://spotify.link/shortA', '--dest', join(dir, 'short')]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).path).toBe(join(dir, 'short', 'One More Time.jpg'));
  });
});

describe('spotify-scraper CLI: environment and stderr', () => {
  it('honours HTTPS_PROXY (and NO_PROXY) when no --proxy is given', async () => {
    const proxy = await startTlsProxy('envuser', 'envpass', (request, res) => {
      const id = request.path.split('/').at(-1) as string;
      sendHtml(res, embedHtml(embedState(trackEntity({ id, uri: `spotify:track:${id}` }))));
    });
    try {
      const env = { ...process.env, HTTPS_PROXY: proxy.url, NO_PROXY: '' };
      const run = await runNode([BIN, 'track', A, '--no-partner-api'], '', env);
      expect(run.code).toBe(0);
      expect(JSON.parse(run.stdout).id).toBe(A);
      expect(proxy.tunnels).toContain('open.spotify.com:443');
      const bypass = await runNode([BIN, 'track', A, '--no-partner-api', '--retries', '0', '--timeout', '2000'], '', {
        ...env,
        NO_PROXY: 'open.spotify.com',
      });
      // NO_PROXY sends it straight to Spotify, which this machine cannot reach: not through the proxy.
      expect(proxy.tunnels.filter((tunnel) => tunnel === 'open.spotify.com:443')).toHaveLength(1);
      expect(bypass.code).not.toBe(0);
    } finally {
      await proxy.close();
    }
  });

  it('says on stderr when the default cut a result short, unless --quiet', async () => {
    await using spotify = await startFakeSpotifyKit();
    const playlist = spotify.add(fakePlaylist({}, 150));
    const run = await runNode([BIN, 'playlist', playlist.id, '--origin', spotify.origin]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).tracks).toHaveLength(100);
    expect(run.stderr).toContain(
      `note: playlist ${playlist.id}: 100 of 150 items (the default --max-tracks 100); pass --max-tracks all for every item`,
    );
    const quiet = await runNode([BIN, 'playlist', playlist.id, '--origin', spotify.origin, '--quiet']);
    expect(quiet.stderr).toBe('');
    const all = await runNode([BIN, 'playlist', playlist.id, '--origin', spotify.origin, '--max-tracks', 'all']);
    expect(JSON.parse(all.stdout).tracks).toHaveLength(150);
    expect(all.stderr).toBe('');
  });
});
