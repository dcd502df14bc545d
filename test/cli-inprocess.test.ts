/** The CLI's commands run in process (runCli with in-memory streams) against a loopback fake Spotify. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable, Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/cli/program.js';
import { runCliInProcess } from './helpers/cli-in-process.js';
import {
  embedPage,
  fakeAlbum,
  fakeArtist,
  fakeEpisode,
  fakePlaylist,
  fakeShow,
  fakeTrack,
  notFoundPage,
  partnerAnswer,
} from '../src/testing/index.js';
import type { EntityByType, EntityType } from '../src/index.js';
import {
  colorsAnswer,
  concertsAnswer,
  discographyAnswer,
  relatedAnswer,
  searchAnswer,
  similarAlbumsAnswer,
} from './helpers/discovery.js';
import { sendHtml, sendJson, startLoopback, type Loopback } from './helpers/loopback.js';
import { JPEG, mp3 } from './helpers/media.js';

let server: Loopback;
let dir: string;
const entities = new Map<string, EntityByType[EntityType]>();
const track = fakeTrack({ name: 'In Process', previewUrl: 'https://p.scdn.co/mp3-preview/inprocess' });
const album = fakeAlbum({}, 4);
const artist = fakeArtist({}, 2);
const playlist = fakePlaylist({}, 130);
const episode = fakeEpisode();
const show = fakeShow({}, 60);
const bootstrap = fakeTrack({ id: '4uLU6hMCjMI75M1A2tKUQC' });

beforeAll(async () => {
  for (const entity of [track, album, artist, playlist, episode, show, bootstrap]) entities.set(entity.uri, entity);
  server = await startLoopback((request, res) => {
    if (request.host === 'api-partner.spotify.com') {
      const operation = request.url.searchParams.get('operationName') ?? '';
      const variables = JSON.parse(request.url.searchParams.get('variables') ?? '{}') as Record<string, any>;
      const discovery: Record<string, () => unknown> = {
        searchDesktop: () => searchAnswer(variables['searchTerm'], 2, variables['offset']),
        queryArtistDiscographyAll: () =>
          discographyAnswer(variables['uri'], 6, variables['offset'], variables['limit']),
        queryArtistRelated: () => relatedAnswer(variables['uri'], 3),
        similarAlbumsBasedOnThisTrack: () => similarAlbumsAnswer(variables['limit']),
        ArtistConcerts: () => concertsAnswer(variables['artistUri'], 2),
        fetchExtractedColors: () => colorsAnswer(),
      };
      if (discovery[operation]) return sendJson(res, discovery[operation]());
      const entity = entities.get(variables['uri']);
      return sendJson(
        res,
        entity ? { data: partnerAnswer(entity, operation, variables) } : { errors: [{ message: 'NotFound' }] },
      );
    }
    if (request.host === 'i.scdn.co') return void res.writeHead(200, { 'content-type': 'image/jpeg' }).end(JPEG);
    if (request.host === 'p.scdn.co')
      return void res.writeHead(200, { 'content-type': 'audio/mpeg' }).end(mp3(5, false));
    const [, , type, id] = request.path.split('/');
    const entity = entities.get(`spotify:${type}:${id}`);
    return entity ? sendHtml(res, embedPage(entity)) : sendHtml(res, notFoundPage(), 404);
  });
  dir = mkdtempSync(join(tmpdir(), 'ss-cli-in-'));
});

afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The CLI in this process, against the loopback server. */
async function cli(args: string[], stdinText?: string) {
  const result = await runCliInProcess([...args, '--origin', server.origin], stdinText);
  return { ...result, json: () => JSON.parse(result.stdout) };
}

describe('CLI commands in process', () => {
  it('the entity commands', async () => {
    expect((await cli(['track', track.id])).json()).toEqual(track);
    expect((await cli(['album', album.uri])).json()).toEqual(album);
    expect((await cli(['artist', artist.url])).json().topTracks).toHaveLength(2);
    expect((await cli(['episode', episode.id])).json().name).toBe(episode.name);
    const shown = await cli(['show', show.id]);
    expect(shown.json().episodes).toHaveLength(50);
    expect(shown.stderr).toContain(`note: show ${show.id}: 50 of 60 episodes`);
    const all = await cli(['show', show.id, '--max-episodes', 'all', '--quiet']);
    expect(all.json().episodes).toHaveLength(60);
    const listed = await cli(['playlist', playlist.id, '--max-tracks', '120', '--pretty']);
    expect(listed.json().tracks).toHaveLength(120);
  });

  it('values from stdin, NDJSON out, a pretty array for several', async () => {
    const run = await cli(['track'], `${track.id}\n# comment\n${bootstrap.id}\n`);
    expect(
      run.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line).id),
    ).toEqual([track.id, bootstrap.id]);
    const pretty = await cli(['track', track.id, 'spotify:track:Missing000000000000000', '--pretty']);
    expect(JSON.parse(pretty.stdout)).toMatchObject([
      { id: track.id },
      { value: 'spotify:track:Missing000000000000000', error: { name: 'NotFoundError' } },
    ]);
    expect(pretty.code).toBe(3);
  });

  it('the discovery commands', async () => {
    expect(
      (await cli(['search', 'loop', 'songs', '--type', 'artist', '--limit', '2', '--offset', '4'])).json(),
    ).toMatchObject({
      query: 'loop songs',
      tracks: [],
      artists: [{ name: 'Artist 4' }, { name: 'Artist 5' }],
    });
    expect((await cli(['discography', artist.id, '--max-releases', '4'])).json()).toHaveLength(4);
    expect((await cli(['related', artist.id])).json()).toHaveLength(3);
    expect((await cli(['similar', track.id, '--limit', '2'])).json()).toHaveLength(2);
    expect((await cli(['concerts', artist.id])).json()[0]).toMatchObject({ title: 'Loop Festival 0' });
    expect((await cli(['colors', `https://i.scdn.co/image/${'a'.repeat(40)}`])).json()).toMatchObject({
      light: '#ED0020',
    });
    expect((await cli(['colors', album.uri])).json()).toMatchObject({ raw: '#780010' });
  });

  it('downloads', async () => {
    const cover = await cli(['download', 'cover', track.id, '--dest', dir, '--size', 'smallest']);
    expect(readFileSync(cover.json().path)).toEqual(JPEG);
    const preview = await cli([
      'download',
      'preview',
      `spotify:track:${track.id}`,
      '--dest',
      dir,
      '--embed-cover',
      '--overwrite',
    ]);
    expect(preview.json().path).toBe(join(dir, 'In Process.mp3'));
    const refused = await cli(['download', 'preview', episode.uri.replace('episode', 'show'), '--dest', dir]);
    expect(refused.code).toBe(2);
    const what = await cli(['download', 'lyrics', track.id, '--dest', dir]);
    expect(what.code).toBe(2);
    expect(what.stderr).toMatch(/download takes "cover" or "preview"/);
  });

  it('a reader that goes away: quiet exit code 0, the remaining work cancelled', async () => {
    let lines = 0;
    const closing = new Writable({
      write(_chunk, _encoding, done) {
        lines += 1;
        done(lines >= 2 ? Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }) : null);
      },
    });
    const err = Object.assign(new PassThrough(), { isTTY: false });
    const stdin = Object.assign(Readable.from([]), { isTTY: true });
    const values = Array.from({ length: 40 }, () => track.id);
    const start = server.requests.length;
    const code = await runCli(
      ['track', ...values, '--origin', server.origin, '--concurrency', '1'],
      '1',
      { stdout: closing, stderr: err },
      stdin,
    );
    expect(code).toBe(0);
    expect(server.requests.length - start).toBeLessThan(10);
  });

  it('flags become client options; bad ones are usage errors in the words of flags', async () => {
    expect(
      (
        await cli([
          'track',
          track.id,
          '--rate',
          '50',
          '--burst',
          '3',
          '--timeout',
          '5000',
          '--retries',
          '1',
          '--locale',
          'de-DE',
          '--concurrency',
          '2',
          '--no-progress',
        ])
      ).code,
    ).toBe(0);
    const locale = await cli(['track', track.id, '--locale', 'not a locale!']);
    expect(locale.code).toBe(2);
    expect(locale.stderr).toMatch(/--locale is not a BCP-47 language tag/);
    expect((await cli(['track', track.id, '--burst', '0'])).stderr).toMatch(/--burst must be a whole number >= 1/);
    const concurrency = await cli(['track', track.id, '--concurrency', 'x']);
    expect(concurrency.stderr.match(/--concurrency/g)).toHaveLength(1);
    // Checked by the library, said in the words of the flag that set the option (by the option's name).
    const timeout = await cli(['track', track.id, '--timeout', '99999999999']);
    expect(timeout.code).toBe(2);
    expect(timeout.stderr).toMatch(/^error: --timeout must be at most 2147483647 ms/);
    expect(timeout.stderr).not.toMatch(/options\.timeout/);
    const key = await cli(['track', track.id, '--fleet-redis', 'redis://127.0.0.1:9', '--fleet-key', 'bad key!']);
    expect(key.stderr).toMatch(/^error: --fleet-key must be 1-100 letters/);
    for (const bad of ['redis://u:%E0%A4%A@127.0.0.1:9', 'redis://127.0.0.1:9/not-a-db']) {
      const cache = await cli(['track', track.id, '--cache', bad]);
      expect(cache.code).toBe(2);
      expect(cache.stderr).toMatch(/^error: --cache /);
      expect(cache.stderr).not.toMatch(/URI malformed/);
    }
    expect((await cli(['track'])).stderr).toMatch(/No values/);
  });
});
