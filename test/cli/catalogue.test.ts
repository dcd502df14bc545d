/** The catalogue commands (SPEC §11) against the fake Spotify: gathered tracks, recommendations, previews, --stream. */
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/program.js';
import {
  fakeArtist,
  fakePlaylist,
  fakeRelease,
  fakeTrack,
  startFakeSpotify,
  type FakeSpotify,
} from '../../src/testing/index.js';
import { runCliInProcess } from '../helpers/cli-in-process.js';

let spotify: FakeSpotify;

beforeEach(async () => {
  spotify = await startFakeSpotify();
});

afterEach(async () => {
  await spotify.close();
});

const cli = (args: string[], stdin?: string) =>
  runCliInProcess([...args, '--origin', spotify.origin, '--rate', '500', '--burst', '50', '--quiet'], stdin);

const lines = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe('track --summary / --isrc', () => {
  it('120 values from stdin: NDJSON in input order, read 50 a request (a handful of requests, not 240)', async () => {
    const tracks = Array.from({ length: 120 }, () => spotify.add(fakeTrack()));
    const missing = fakeTrack().id;
    const values = [...tracks.map((track) => track.id), missing];
    const run = await cli(['track', '--summary', '--isrc'], values.join('\n'));
    expect(run.code).toBe(3);
    const printed = lines(run.stdout);
    expect(printed.map((line) => line['id'] ?? line['value'])).toEqual(values);
    expect(printed[0]).toMatchObject({ name: tracks[0]!.name, isrc: expect.stringMatching(/^QZFAK\d{7}$/) });
    expect(printed[0]).not.toHaveProperty('playCount');
    expect(run.stderr).toContain(`error: "${missing}": `);
    const lists = spotify.requests.filter((request) =>
      ['decorateContextTracks', 'trackPreview'].includes(request.operation ?? ''),
    );
    expect(lists.length).toBeLessThanOrEqual(8);
    // The missing one took its own getter; the others none.
    expect(spotify.requests.filter((request) => request.operation === 'getTrack').length).toBeLessThanOrEqual(1);
  });

  it('--isrc alone keeps the full track and adds its ISRC', async () => {
    const track = spotify.add(fakeTrack());
    spotify.setIsrc(track.id, 'USRC17607839');
    const run = await cli(['track', track.id, '--isrc']);
    expect(run.code).toBe(0);
    expect(run.json()).toEqual({ ...track, isrc: 'USRC17607839' });
  });
});

describe('recommendations and playlist --previews', () => {
  it('recommendations --limit', async () => {
    const seed = spotify.add(fakeTrack());
    const recommended = [fakeTrack(), fakeTrack(), fakeTrack()];
    spotify.setRecommendations(seed.id, recommended);
    const run = await cli(['recommendations', seed.id, '--limit', '2']);
    expect(run.code).toBe(0);
    expect((run.json() as Array<{ id: string }>).map((track) => track.id)).toEqual(
      recommended.slice(0, 2).map((track) => track.id),
    );
    expect((await cli(['recommendations', seed.id, '--limit', '0'])).code).toBe(2);
  });

  it('playlist --previews fills the previews past the first 100 items', async () => {
    const playlist = spotify.add(fakePlaylist({}, 130));
    const run = await cli(['playlist', playlist.id, '--max-tracks', 'all', '--previews']);
    expect(run.code).toBe(0);
    expect(run.json()).toEqual(playlist);
  });
});

describe('--stream', () => {
  it('playlist --stream: one NDJSON line per item as the pages arrive; a failed value on stderr, the run goes on', async () => {
    const playlist = spotify.add(fakePlaylist({}, 250));
    const missing = fakePlaylist().id;
    const run = await cli(['playlist', missing, playlist.id, '--stream']);
    expect(run.code).toBe(3);
    expect(lines(run.stdout).map((item) => (item['track'] as { id: string }).id)).toEqual(
      playlist.tracks.map((item) => item.track.id),
    );
    expect(run.stderr).toMatch(new RegExp(`^error: "${missing}": `));
  });

  it('discography --stream and search --stream --type track (one type, past the first page, up to --limit)', async () => {
    const artist = spotify.add(fakeArtist());
    const releases = [fakeRelease(), fakeRelease()];
    spotify.setDiscography(artist.id, releases);
    const discography = await cli(['discography', artist.id, '--stream']);
    expect(lines(discography.stdout).map((release) => release['id'])).toEqual(releases.map((release) => release.id));
    for (let index = 0; index < 70; index += 1) spotify.add(fakeTrack({ name: `Streamed ${index}` }));
    const search = await cli(['search', 'streamed', '--type', 'track', '--stream', '--limit', '60']);
    expect(search.code).toBe(0);
    expect(lines(search.stdout)).toHaveLength(60);
    const refused = await cli(['search', 'streamed', '--stream']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/search --stream takes one --type/);
  });

  it('a reader that goes away stops the paging, exit code 0', async () => {
    const playlist = spotify.add(fakePlaylist({}, 1_000));
    let written = 0;
    const stdout = new Writable({
      write(_chunk, _encoding, callback) {
        written += 1;
        // The reader goes away after 5 lines, as `| head -5` does.
        callback(written > 5 ? Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }) : undefined);
      },
    });
    const stderr = Object.assign(new Writable({ write: (_c, _e, callback) => callback() }), { isTTY: false });
    const stdin = Object.assign(process.stdin, {});
    const code = await runCli(
      ['playlist', playlist.id, '--stream', '--origin', spotify.origin, '--quiet'],
      '9.9.9',
      { stdout, stderr },
      stdin,
    );
    expect(code).toBe(0);
    expect(spotify.requests.filter((request) => request.operation === 'fetchPlaylist').length).toBeLessThanOrEqual(2);
  });
});
