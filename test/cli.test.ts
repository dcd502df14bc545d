/** The built `spotify-scraper` binary, run as a child process against a loopback server. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSpotify } from './helpers/fake-spotify.js';
import { discographyAnswer, searchAnswer } from './helpers/discovery.js';
import { sendHtml, sendJson, type Loopback } from './helpers/loopback.js';
import { JPEG } from './helpers/media.js';
import { runNode, type ProcessResult } from './helpers/run-process.js';
import { embedHtml, embedState, listEntity, row, trackEntity } from './helpers/pages.js';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'dist', 'cli.js');
const A = '0DiWol3AO6WpXZgp0goxAV';
const B = '4uLU6hMCjMI75M1A2tKUQC';
const MISSING = '3zhcxqTLh1vlaSB1etvzNj';
const LIMITED = 'RateLimited00000000000';
const PLAYLIST = '37i9dQZF1DXcBWIGoYBM5M';

let server: Loopback;
let dir: string;

beforeAll(async () => {
  if (!existsSync(BIN)) execFileSync('npx', ['tsup', '--silent'], { cwd: ROOT, stdio: 'inherit' });
  const track = (id: string, name: string) => embedHtml(embedState(trackEntity({ id, uri: `spotify:track:${id}`, title: name, name })));
  server = await startFakeSpotify({
    [`/embed/track/${A}`]: track(A, 'One More Time'),
    [`/embed/track/${B}`]: track(B, 'Never Gonna Give You Up'),
    [`/embed/track/${LIMITED}`]: (_r, res) => sendHtml(res, 'slow down', 429, { 'retry-after': '3600' }),
    [`/embed/playlist/${PLAYLIST}`]: embedHtml(embedState(listEntity('playlist', Array.from({ length: 30 }, () => row()), { id: PLAYLIST, uri: `spotify:playlist:${PLAYLIST}` }))),
    '/image/ab67616d0000b273': (_r, res) => void res.writeHead(200, { 'content-type': 'image/jpeg' }).end(JPEG),
    // The partner API: the discovery commands read it with the token of the bootstrap page (track B).
    '/pathfinder/v1/query': (request, res) => {
      const variables = JSON.parse(request.url.searchParams.get('variables') ?? '{}') as Record<string, any>;
      switch (request.url.searchParams.get('operationName')) {
        case 'searchDesktop':
          return sendJson(res, searchAnswer(variables['searchTerm'], Math.min(2, variables['limit']), variables['offset']));
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

function cli(args: string[], stdin = ''): Promise<ProcessResult> {
  return runNode([BIN, ...args, '--origin', server.origin, '--no-partner-api'], stdin);
}

describe('spotify-scraper CLI', () => {
  it('--version and --help', async () => {
    const version = await cli(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Exit codes: 0 ok, 1 other error, 2 invalid input, 3 not found, 4 rate limited.');
    expect(help.stdout).not.toContain('--origin');
  });

  it('one value prints one JSON object; --pretty indents it', async () => {
    const run = await cli(['track', `https://open.spotify.com/track/${A}`]);
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ type: 'track', id: A, name: 'One More Time' });
    const pretty = await cli(['track', A, '--pretty']);
    expect(pretty.stdout).toContain('\n  "type": "track"');
  });

  it('several values print NDJSON in input order; a missing one gives exit code 3', async () => {
    const run = await cli(['track', B, MISSING, A]);
    const lines = run.stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(lines.map((l) => l.id ?? l.error.name)).toEqual([B, 'NotFoundError', A]);
    expect(lines[1]).toMatchObject({ value: MISSING });
    expect(run.stderr).toContain(`error: ${MISSING}: NotFoundError`);
    expect(run.code).toBe(3);
  });

  it('reads values from --input FILE and from stdin', async () => {
    const file = join(dir, 'ids.txt');
    writeFileSync(file, `# my tracks\n${A}\n\nspotify:track:${B}\n`);
    const fromFile = await cli(['track', '--input', file]);
    expect(fromFile.stdout.trim().split('\n').map((l) => JSON.parse(l).id)).toEqual([A, B]);
    const fromStdin = await cli(['track'], `${B}\n${A}\n`);
    expect(fromStdin.code).toBe(0);
    expect(fromStdin.stdout.trim().split('\n').map((l) => JSON.parse(l).id)).toEqual([B, A]);
  });

  it('--max-tracks trims playlists', async () => {
    const run = await cli(['playlist', PLAYLIST, '--max-tracks', '7']);
    expect(JSON.parse(run.stdout).tracks).toHaveLength(7);
  });

  it.each([
    [['track', 'https://example.com/x'], /InvalidInputError/],
    [['track', `spotify:album:${A}`], /Expected a track, got a album/],
    [['track', A, '--rate', 'fast'], /--rate must be a number/],
    [['track', A, '--max-tracks', '-1'], /--max-tracks/],
    [['track', '--input', '/nonexistent/ids.txt'], /Cannot read --input/],
    [['nonsense'], /unknown command/],
    [['track', A, '--no-such-flag'], /unknown option/],
  ])('%j -> exit code 2', async (args, message) => {
    const run = await cli(args as string[]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it('a Retry-After beyond the retry budget is exit code 4', async () => {
    const run = await cli(['track', LIMITED]);
    expect(run.stderr).toContain('RateLimitedError');
    expect(run.code).toBe(4);
  });

  it('search prints one JSON object of hits; --type keeps the types asked for', async () => {
    const run = await cli(['search', 'daft', 'punk', '--type', 'track,artist', '--limit', '2']);
    expect(run.code).toBe(0);
    const results = JSON.parse(run.stdout);
    expect(results).toMatchObject({ query: 'daft punk', albums: [], totals: { track: 1000, album: null } });
    expect(results.tracks).toHaveLength(2);
    const bad = await cli(['search', 'x', '--type', 'track,podcast']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown type "podcast"/);
  });

  it('discography prints a JSON array per artist, NDJSON for several', async () => {
    const run = await cli(['discography', `spotify:artist:${A}`, B, '--max-releases', '3']);
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(lines.map((releases: unknown[]) => releases.length)).toEqual([3, 3]);
  });

  it('download cover writes the file and prints its path', async () => {
    const run = await cli(['download', 'cover', A, '--dest', join(dir, 'covers')]);
    expect(run.code).toBe(0);
    const { path } = JSON.parse(run.stdout);
    expect(path).toBe(join(dir, 'covers', 'One More Time.jpg'));
    expect(readFileSync(path)).toEqual(JPEG);
  });
});
