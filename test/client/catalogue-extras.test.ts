/**
 * The rest of SPEC §11 against the fake Spotify: ISRCs (opt-in), recommendations, playlist previews
 * past the embed's first 100, and the async iterators (paging on demand, break, abort, per-type search).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AsyncSpotifyClient, type Track } from '../../src/index.js';
import { builtInHashes } from '../../src/partner/operation.js';
import { OPERATIONS } from '../../src/partner/operations.js';
import { gidOf, idOfGid } from '../../src/spclient/metadata.js';
import {
  fakePlaylist,
  fakeRelease,
  fakeArtist,
  fakeShow,
  fakeTrack,
  startFakeSpotify,
  type FakeSpotify,
} from '../../src/testing/index.js';

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

const countOf = (operation: string) => spotify.requests.filter((request) => request.operation === operation).length;

describe('ISRCs (externalIds)', () => {
  it('a gid is the base62 id as 32 hex digits', () => {
    // There and back: 22 base62 digits <-> 32 hex digits.
    expect(gidOf('4uLU6hMCjMI75M1A2tKUQC')).toMatch(/^[0-9a-f]{32}$/);
    expect(idOfGid(gidOf('4uLU6hMCjMI75M1A2tKUQC'))).toBe('4uLU6hMCjMI75M1A2tKUQC');
    expect(gidOf('0000000000000000000001')).toBe('0'.repeat(31) + '1');
    expect(() => gidOf('not-an-id!')).toThrow(RangeError);
  });

  it('getTrack and getTracks add isrc from spclient metadata/4 with the anonymous token; null when it has none', async () => {
    const [a, b] = [spotify.add(fakeTrack()), spotify.add(fakeTrack())];
    spotify.setIsrc(a.id, 'GBAYE0601498');
    spotify.setIsrc(b.id, null);
    await using scraper = client();
    expect(await scraper.getTrack(a.id, { externalIds: true })).toEqual({ ...a, isrc: 'GBAYE0601498' });
    const plain = await scraper.getTrack(a.id);
    expect(plain).not.toHaveProperty('isrc');
    const batch = await scraper.getTracks([a.id, b.id], { externalIds: true, detail: 'summary' });
    expect(batch.map((entry) => entry.ok && entry.result.isrc)).toEqual(['GBAYE0601498', null]);
    const metadata = spotify.requests.filter((request) => request.path.startsWith('/metadata/4/track/'));
    // No cache: the second call about `a` asks again.
    expect(metadata.map((request) => request.path)).toEqual([
      `/metadata/4/track/${gidOf(a.id)}`,
      `/metadata/4/track/${gidOf(a.id)}`,
      `/metadata/4/track/${gidOf(b.id)}`,
    ]);
    expect(metadata[0]?.headers.authorization).toMatch(/^Bearer /);
    expect(warnings).toEqual([]);
  });

  it('a refusal leaves isrc null with one warning per client, never an error; spclient is not asked again for a while', async () => {
    const tracks = Array.from({ length: 3 }, () => spotify.add(fakeTrack()));
    spotify.auth.rbac = true;
    await using scraper = client();
    const batch = await scraper.getTracks(
      tracks.map((track) => track.id),
      { externalIds: true, detail: 'summary' },
    );
    expect(batch.map((entry) => entry.ok && entry.result.isrc)).toEqual([null, null, null]);
    expect((await scraper.getTrack(tracks[0]!.id, { externalIds: true, fresh: true })).isrc).toBeNull();
    expect(warnings.filter((message) => message.includes('ISRC'))).toHaveLength(1);
    expect(warnings[0]).toMatch(/403/);
    expect(warnings.join('\n')).not.toMatch(/Bearer|fake-anonymous/i);
    expect(spotify.requests.filter((request) => request.path.startsWith('/metadata/')).length).toBeLessThanOrEqual(3);
  });
});

describe('getRecommendations', () => {
  it('track summaries from internalLinkRecommenderTrack, limit 20 by default', async () => {
    const seed = spotify.add(fakeTrack());
    const recommended = Array.from({ length: 25 }, () => fakeTrack());
    spotify.setRecommendations(seed.id, recommended);
    await using scraper = client();
    const found = await scraper.getRecommendations(seed.url);
    expect(found.map((track) => track.id)).toEqual(recommended.slice(0, 20).map((track) => track.id));
    expect(found[0]).toMatchObject({ name: recommended[0]!.name, durationMs: recommended[0]!.durationMs });
    expect((await scraper.getRecommendations(seed.id, { limit: 3 })).length).toBe(3);
  });

  it('a limit out of 1–100 is an InvalidInputError; an unknown track a NotFoundError', async () => {
    await using scraper = client();
    await expect(scraper.getRecommendations(fakeTrack().id, { limit: 0 })).rejects.toMatchObject({
      name: 'InvalidInputError',
    });
    await expect(scraper.getRecommendations(fakeTrack().id)).rejects.toMatchObject({ name: 'NotFoundError' });
  });
});

describe('getPlaylist previews', () => {
  it('{ previews: true } fills the items past the embed’s first 100 with trackPreview, one request per 50', async () => {
    const playlist = spotify.add(fakePlaylist({}, 220));
    await using scraper = client();
    const plain = await scraper.getPlaylist(playlist.id, { maxTracks: Infinity });
    expect(plain.tracks.slice(100).every((item) => item.track.previewUrl === null)).toBe(true);
    const before = countOf('trackPreview');
    const filled = await scraper.getPlaylist(playlist.id, { maxTracks: Infinity, previews: true });
    expect(countOf('trackPreview') - before).toBe(3);
    expect(filled).toEqual(playlist);
  });

  it('a refused trackPreview leaves them null, says so once, and keeps the result out of the cache', async () => {
    const playlist = spotify.add(fakePlaylist({}, 120));
    spotify.webPlayer.refuse('trackPreview', ...builtInHashes(OPERATIONS.trackPreview));
    await using scraper = client({ cache: true });
    const filled = await scraper.getPlaylist(playlist.id, { maxTracks: Infinity, previews: true });
    expect(filled.tracks.slice(100).every((item) => item.track.previewUrl === null)).toBe(true);
    expect(warnings.filter((message) => message.startsWith('Previews of 20 item(s)'))).toHaveLength(1);
    const again = countOf('fetchPlaylist');
    await scraper.getPlaylist(playlist.id, { maxTracks: Infinity, previews: true });
    expect(countOf('fetchPlaylist')).toBeGreaterThan(again);
  });

  it('previews must be a boolean', async () => {
    await using scraper = client();
    await expect(
      scraper.getPlaylist(fakePlaylist().id, { previews: 'yes' as unknown as boolean }),
    ).rejects.toMatchObject({ name: 'InvalidInputError' });
  });
});

describe('async iterators', () => {
  it('iteratePlaylist asks for the next page only when the consumer wants more: a break stops the paging', async () => {
    const playlist = spotify.add(fakePlaylist({}, 450));
    await using scraper = client();
    const seen: string[] = [];
    for await (const item of scraper.iteratePlaylist(playlist.id)) {
      seen.push(item.track.id);
      if (seen.length === 150) break;
    }
    expect(seen).toEqual(playlist.tracks.slice(0, 150).map((item) => item.track.id));
    expect(countOf('fetchPlaylist')).toBe(2);
    const all: string[] = [];
    for await (const item of scraper.iteratePlaylist(playlist.uri)) all.push(item.track.id);
    expect(all).toEqual(playlist.tracks.map((item) => item.track.id));
  });

  it('an abort ends the iteration with its reason; options are checked at the first step', async () => {
    const playlist = spotify.add(fakePlaylist({}, 300));
    await using scraper = client();
    const controller = new AbortController();
    const seen: string[] = [];
    const run = (async () => {
      for await (const item of scraper.iteratePlaylist(playlist.id, { signal: controller.signal })) {
        seen.push(item.track.id);
        if (seen.length === 100) controller.abort(new Error('stop paging'));
      }
    })();
    await expect(run).rejects.toThrow('stop paging');
    expect(seen.length).toBe(100);
    const iterator = scraper.iteratePlaylist(playlist.id, { bogus: 1 } as never)[Symbol.asyncIterator]();
    await expect(iterator.next()).rejects.toMatchObject({ name: 'InvalidInputError' });
  });

  it('iterateShow and iterateDiscography yield every item, newest first', async () => {
    const show = spotify.add(fakeShow({}, 120));
    const artist = spotify.add(fakeArtist());
    const releases = Array.from({ length: 7 }, () => fakeRelease());
    spotify.setDiscography(artist.id, releases);
    await using scraper = client();
    const episodes: string[] = [];
    for await (const episode of scraper.iterateShow(show.id)) episodes.push(episode.id);
    expect(episodes).toEqual(show.episodes.map((episode) => episode.id));
    expect(countOf('queryPodcastEpisodes')).toBe(3);
    const ids: string[] = [];
    for await (const release of scraper.iterateDiscography(artist.id)) ids.push(release.id);
    expect(ids).toEqual(releases.map((release) => release.id));
  });

  it("iterateSearch pages one type past search's first page with the type's own operation, up to max", async () => {
    const tracks: Track[] = Array.from({ length: 120 }, (_, index) =>
      spotify.add(fakeTrack({ name: `Deep ${index}` })),
    );
    await using scraper = client();
    const names: string[] = [];
    for await (const hit of scraper.iterateSearch('deep', { type: 'track' })) names.push(hit.name);
    expect(names).toEqual(tracks.map((track) => track.name));
    expect(countOf('searchTracks')).toBe(3);
    const few: string[] = [];
    for await (const hit of scraper.iterateSearch('deep', { type: 'track', max: 60 })) few.push(hit.id);
    expect(few).toHaveLength(60);
  });

  it('a refused per-type operation falls back to searchDesktop with offsets, with one warning', async () => {
    spotify.add(fakeTrack({ name: 'Fallback tune' }));
    spotify.webPlayer.refuse('searchTracks', ...builtInHashes(OPERATIONS.searchTracks));
    await using scraper = client();
    const names: string[] = [];
    for await (const hit of scraper.iterateSearch('fallback', { type: 'track' })) names.push(hit.name);
    expect(names).toEqual(['Fallback tune']);
    expect(countOf('searchDesktop')).toBe(1);
    expect(warnings.filter((message) => message.includes('searching with searchDesktop'))).toHaveLength(1);
  });

  it('iterateSearch needs a known type', async () => {
    await using scraper = client();
    const iterator = scraper.iterateSearch('x', { type: 'song' as 'track' })[Symbol.asyncIterator]();
    await expect(iterator.next()).rejects.toMatchObject({ name: 'InvalidInputError' });
  });
});
