/** capture -> replay: a bug report becomes a test (SPEC §9). No secret in the file; no request to the original. */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AsyncSpotifyClient } from '../../src/index.js';
import {
  FAKE_TOKEN,
  fakeHash,
  fakePlaylist,
  fakeShow,
  fakeTrack,
  startFakeSpotify,
  type FakeSpotify,
} from '../../src/testing/index.js';
import { runCliInProcess } from '../helpers/cli-in-process.js';

let original: FakeSpotify;
let dir: string;

beforeAll(async () => {
  original = await startFakeSpotify();
  dir = await mkdtemp(join(tmpdir(), 'capture-'));
});

afterAll(async () => {
  await original.close();
  await rm(dir, { recursive: true, force: true });
});

describe('capture and replay', () => {
  it('records every exchange redacted; the replay gives the same models without the original server', async () => {
    const track = original.add(fakeTrack({ name: 'Captured' }));
    const playlist = original.add(fakePlaylist({}, 130));
    const show = original.add(fakeShow({}, 3));
    // A Spotify that changed: a rotated hash (the bundle is read), v1 gone, v2 asking for a client token.
    original.webPlayer.rotate('getTrack', [fakeHash('captured-rotation')]);
    original.webPlayer.settings.v1 = 'gone';
    original.webPlayer.settings.requireClientToken = true;
    const out = join(dir, 'bug.json');
    const run = await runCliInProcess([
      'capture',
      track.id,
      `spotify:playlist:${playlist.id}`,
      `spotify:show:${show.id}`,
      '--out',
      out,
      '--origin',
      original.origin,
    ]);
    expect(run.stderr).not.toMatch(/^error/m); // the healing steps are warnings
    expect(run.code).toBe(0);
    const text = await readFile(out, 'utf8');
    const file = JSON.parse(text) as {
      exchanges: Array<{ host: string; path: string; body?: string }>;
      calls: unknown[];
    };
    expect(file.calls).toEqual([
      { value: track.id, type: 'track', ok: true },
      { value: `spotify:playlist:${playlist.id}`, type: 'playlist', ok: true },
      { value: `spotify:show:${show.id}`, type: 'show', ok: true },
    ]);
    // No secret: no anonymous token, no client token, no device id; no authorization header kept.
    expect(text).not.toContain(FAKE_TOKEN);
    expect(text).not.toContain('fake-client-token');
    expect(text).not.toMatch(/authorization|device_id|"cookie"/i);
    // The bundle only as excerpts: its definitions, not its code or decoys.
    const bundle = file.exchanges.find((e) => e.host === 'open.spotifycdn.com');
    expect(bundle?.body).toContain(`"getTrack","query","${fakeHash('captured-rotation')}"`);
    expect(bundle?.body).not.toContain('notADefinition');

    await using replay = await startFakeSpotify({ replay: out });
    const before = original.requests.length;
    await using client = new AsyncSpotifyClient({ dispatcher: replay.dispatcher, rateLimit: false, retry: false });
    expect(await client.getTrack(track.id)).toEqual(track);
    expect(await client.getPlaylist(playlist.id)).toEqual({ ...playlist, tracks: playlist.tracks.slice(0, 100) });
    expect((await client.getShow(show.id)).episodes).toEqual(show.episodes);
    expect(original.requests.length).toBe(before);
  });

  it('records the list operations and spclient metadata of track --summary --isrc; the replay answers getTracks the same', async () => {
    const tracks = [original.add(fakeTrack()), original.add(fakeTrack()), original.add(fakeTrack())];
    const ids = tracks.map((track) => track.id);
    const out = join(dir, 'summaries.json');
    const run = await runCliInProcess([
      'capture',
      'track',
      ...ids,
      '--summary',
      '--isrc',
      '--out',
      out,
      '--origin',
      original.origin,
    ]);
    expect(run.code).toBe(0);
    const text = await readFile(out, 'utf8');
    expect(text).toContain('decorateContextTracks');
    expect(text).toContain('/metadata/4/track/');
    expect(text).not.toContain(FAKE_TOKEN);
    await using client = new AsyncSpotifyClient({ ...original.clientOptions });
    const live = await client.getTracks(ids, { detail: 'summary', externalIds: true });
    await using replay = await startFakeSpotify({ replay: out });
    const before = original.requests.length;
    await using replayed = new AsyncSpotifyClient({ dispatcher: replay.dispatcher, rateLimit: false, retry: false });
    expect(await replayed.getTracks(ids, { detail: 'summary', externalIds: true })).toEqual(live);
    expect(original.requests.length).toBe(before);
  });

  it('a request the capture does not hold is a 404 that says so plainly', async () => {
    await using replay = await startFakeSpotify({
      replay: { format: 'spotify-scraper-capture', version: 1, capturedAt: '', calls: [], exchanges: [] },
    });
    await using client = new AsyncSpotifyClient({ dispatcher: replay.dispatcher, rateLimit: false, retry: false });
    const track = fakeTrack();
    await expect(client.getTrack(track.id)).rejects.toMatchObject({
      name: 'HttpError',
      status: 404,
      code: 'NOT_IN_CAPTURE',
      message: `This capture has no answer for GET open.spotify.com/embed/track/${track.id}: record one that makes this call`,
    });
    // An API request it lacks is said the same way: no healing, no advice about rotated hashes.
    await using partner = await startFakeSpotify({
      replay: {
        format: 'spotify-scraper-capture',
        version: 1,
        capturedAt: '',
        calls: [],
        exchanges: [],
      },
    });
    const warnings: string[] = [];
    await using api = new AsyncSpotifyClient({
      dispatcher: partner.dispatcher,
      rateLimit: false,
      retry: false,
      onWarning: (message) => warnings.push(message),
    });
    const error = await api.search('daft punk').catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'NOT_IN_CAPTURE' });
    expect(String((error as Error).message)).toMatch(
      /^This capture has no answer for GET open\.spotify\.com\/embed\/track\//,
    );
    expect(String((error as Error).message)).not.toMatch(/rotated|doctor/);
  });
});
