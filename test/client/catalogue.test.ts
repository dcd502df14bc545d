/**
 * Catalogues in few requests (SPEC §11): getTracks / getEpisodes 50 at a time, their fallback to each
 * value's own getter, hostile list answers, a 429 and an abort mid-batch — against the fake Spotify.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AsyncSpotifyClient, type Track } from '../../src/index.js';
import { builtInHashes } from '../../src/partner/operation.js';
import { OPERATIONS } from '../../src/partner/operations.js';
import { summaryOfTrack } from '../../src/client/catalogue.js';
import { decoratedTrack } from '../../src/testing/list-answers.js';
import { fakeEpisode, fakeTrack, startFakeSpotify, type FakeSpotify } from '../../src/testing/index.js';

let spotify: FakeSpotify;
let warnings: string[];

beforeEach(async () => {
  spotify = await startFakeSpotify();
  warnings = [];
});

afterEach(async () => {
  await spotify.close();
});

const client = (options: ConstructorParameters<typeof AsyncSpotifyClient>[0] = {}) =>
  new AsyncSpotifyClient({ ...spotify.clientOptions, onWarning: (message) => warnings.push(message), ...options });

const addTracks = (count: number): Track[] => Array.from({ length: count }, () => spotify.add(fakeTrack()));

/** A track as decorateContextTracks + trackPreview describe it: no content rating in the answer. */
const summaryOf = (track: Track) => ({ ...summaryOfTrack(track), explicit: null });

const operations = () => spotify.requests.filter((request) => request.operation !== null);

describe('getTracks in list mode', () => {
  it('summaries of 100 tracks: 2 decorateContextTracks + 2 trackPreview + the token bootstrap (≤ 5 requests)', async () => {
    const tracks = addTracks(100);
    await using scraper = client();
    const results = await scraper.getTracks(
      tracks.map((track) => track.id),
      { detail: 'summary' },
    );
    expect(spotify.requests.length).toBeLessThanOrEqual(5);
    expect(
      operations()
        .map((request) => request.operation)
        .sort(),
    ).toEqual(['decorateContextTracks', 'decorateContextTracks', 'trackPreview', 'trackPreview']);
    expect(results.map((entry) => entry.mode)).toEqual(tracks.map(() => 'list'));
    expect(results.map((entry) => (entry.ok ? entry.result : entry.error))).toEqual(tracks.map(summaryOf));
    expect(warnings).toEqual([]);
  });

  it('full tracks of 100: trackPreview instead of the embed pages (≤ 104 requests), each the same track as getTrack', async () => {
    const tracks = addTracks(100);
    await using scraper = client();
    const results = await scraper.getTracks(tracks.map((track) => track.uri));
    expect(spotify.requests.length).toBeLessThanOrEqual(104);
    expect(spotify.requests.filter((request) => request.path.startsWith('/embed/')).length).toBeLessThanOrEqual(1);
    expect(results.map((entry) => entry.mode)).toEqual(tracks.map(() => 'list'));
    expect(results.map((entry) => (entry.ok ? entry.result : entry.error))).toEqual(tracks);
  });

  it('a value given twice is read once; cached values say so', async () => {
    const [a, b] = addTracks(2) as [Track, Track];
    await using scraper = client({ cache: true });
    const results = await scraper.getTracks([a.id, a.url, b.uri], { detail: 'summary' });
    expect(results.map((entry) => entry.ok && entry.result.id)).toEqual([a.id, a.id, b.id]);
    const decorate = operations().filter((request) => request.operation === 'decorateContextTracks');
    expect(decorate).toHaveLength(1);
    expect(JSON.parse(decodeURIComponent(decorate[0]!.url.searchParams.get('variables') ?? '{}'))).toEqual({
      uris: [a.uri, b.uri],
    });
    const again = await scraper.getTracks([a.id, b.id], { detail: 'summary' });
    expect(again.map((entry) => entry.mode)).toEqual(['cache', 'cache']);
  });

  it('bad values and unknown ids are their entries’ errors; the others are read', async () => {
    const [a] = addTracks(1) as [Track];
    const unknown = fakeTrack();
    await using scraper = client();
    const results = await scraper.getTracks([a.id, 'not a value', unknown.id], { detail: 'summary' });
    expect(results.map((entry) => entry.ok)).toEqual([true, false, false]);
    expect(results[1]).toMatchObject({ ok: false, error: { name: 'InvalidInputError' } });
    // decorateContextTracks answered null for it: its own getter said it does not exist.
    expect(results[2]).toMatchObject({ ok: false, mode: 'entity', error: { name: 'NotFoundError' } });
  });
});

describe('a hostile list answer', () => {
  it('entries for uris not asked, duplicates, wrong types, hollow entries and a longer preview list: each value validated, fallback per entry', async () => {
    const [good, twice, wrong, hollow, missing] = addTracks(5) as [Track, Track, Track, Track, Track];
    const stranger = fakeTrack({ name: 'Not asked for' });
    spotify.answerOperation('decorateContextTracks', () => ({
      tracks: [
        decoratedTrack(stranger),
        { ...decoratedTrack(twice), name: 'First copy' },
        { ...decoratedTrack(twice), name: 'Second copy' },
        { ...decoratedTrack(wrong), duration: { totalMilliseconds: 'long' }, artists: 'many' },
        { ...decoratedTrack(hollow), name: '' },
        decoratedTrack(good),
        null,
        42,
      ],
    }));
    spotify.answerOperation('trackPreview', (variables) => ({
      lookup: [
        ...(variables['uris'] as string[]).map((uri) => ({
          data: { uri, previews: { audioPreviewsV2: { items: [{ url: 'https://evil.example/x.mp3' }] } } },
        })),
        { data: { uri: stranger.uri, previews: { audioPreviewsV2: { items: [{ url: stranger.previewUrl }] } } } },
      ],
    }));
    await using scraper = client();
    const values = [good, twice, wrong, hollow, missing].map((track) => track.id);
    const results = await scraper.getTracks(values, { detail: 'summary' });
    expect(results.map((entry) => entry.mode)).toEqual(['list', 'list', 'entity', 'entity', 'entity']);
    expect(results.every((entry) => entry.ok)).toBe(true);
    const [first, second, ...fallbacks] = results.map((entry) => (entry.ok ? entry.result : null));
    // A preview URL off Spotify's preview host is no preview.
    expect(first).toEqual({ ...summaryOf(good), previewUrl: null });
    expect(second).toMatchObject({ id: twice.id, name: 'First copy' });
    // Through their own getters: whole, nothing hollow.
    expect(fallbacks).toEqual([summaryOfTrack(wrong), summaryOfTrack(hollow), summaryOfTrack(missing)]);
    expect(JSON.stringify(results)).not.toContain(stranger.id);
  });
});

describe('degrade, never fail the batch', () => {
  it('decorateContextTracks refused by every candidate: the values take their own getters, one warning', async () => {
    for (const name of ['decorateContextTracks'])
      spotify.webPlayer.refuse(name, ...builtInHashes(OPERATIONS.decorateTracks));
    const tracks = addTracks(60);
    await using scraper = client();
    const results = await scraper.getTracks(
      tracks.map((track) => track.id),
      { detail: 'summary' },
    );
    expect(results.map((entry) => entry.mode)).toEqual(tracks.map(() => 'entity'));
    expect(results.map((entry) => entry.ok && entry.result)).toEqual(tracks.map(summaryOfTrack));
    expect(warnings.filter((message) => message.includes('decorateContextTracks'))).toHaveLength(1);
    expect(warnings.join('\n')).toMatch(/60 value\(s\) of this batch took their own getters/);
  });

  it('a 429 on a list request pauses the host for its Retry-After, then the group is read as a list', async () => {
    const tracks = addTracks(3);
    spotify.fail({ status: 429, retryAfter: 1 }, { value: tracks[0]!.uri });
    await using scraper = client({ retry: { maxAttempts: 2 } });
    const results = await scraper.getTracks(
      tracks.map((track) => track.id),
      { detail: 'summary' },
    );
    expect(results.map((entry) => entry.mode)).toEqual(['list', 'list', 'list']);
    const decorate = spotify.requests.filter((request) => request.operation === 'decorateContextTracks');
    expect(decorate).toHaveLength(2);
    // On the fake's own clock: the second came after the Retry-After (less a scheduling allowance).
    expect(decorate[1]!.receivedAt - decorate[0]!.receivedAt).toBeGreaterThanOrEqual(1_000 - 25);
  });

  it('an abort mid-batch rejects with its reason and leaves no request running', async () => {
    const tracks = addTracks(120);
    spotify.fail({ slowBodyMs: 400 }, { value: tracks[0]!.uri });
    await using scraper = client();
    const controller = new AbortController();
    const batch = scraper.getTracks(
      tracks.map((track) => track.id),
      { detail: 'summary', signal: controller.signal },
    );
    setTimeout(() => controller.abort(new Error('enough')), 100);
    await expect(batch).rejects.toThrow('enough');
    const seen = spotify.requests.length;
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(spotify.requests.length).toBe(seen);
    expect(scraper.closed).toBe(false);
  });
});

describe('getEpisodes in list mode', () => {
  it('summaries from decorateContextEpisodesOrChapters, one request for 40 episodes', async () => {
    const episodes = Array.from({ length: 40 }, () => spotify.add(fakeEpisode()));
    await using scraper = client();
    const results = await scraper.getEpisodes(
      episodes.map((episode) => episode.id),
      { detail: 'summary' },
    );
    expect(operations().map((request) => request.operation)).toEqual(['decorateContextEpisodesOrChapters']);
    expect(results.map((entry) => entry.mode)).toEqual(episodes.map(() => 'list'));
    const first = results[0]!;
    expect(first.ok && first.result).toMatchObject({
      id: episodes[0]!.id,
      name: episodes[0]!.name,
      durationMs: episodes[0]!.durationMs,
      show: { id: episodes[0]!.show!.id, publisher: episodes[0]!.show!.publisher },
    });
  });

  it("detail 'full' reads each episode with its getter", async () => {
    const episode = spotify.add(fakeEpisode());
    await using scraper = client();
    const [entry] = await scraper.getEpisodes([episode.id]);
    expect(entry).toEqual({ value: episode.id, ok: true, result: episode, mode: 'entity' });
  });

  it('a bad detail is an InvalidInputError before any request', async () => {
    await using scraper = client();
    await expect(scraper.getTracks(['x'], { detail: 'some' as 'full' })).rejects.toMatchObject({
      name: 'InvalidInputError',
      message: expect.stringMatching(/detail/),
    });
    expect(spotify.requests).toEqual([]);
  });
});
