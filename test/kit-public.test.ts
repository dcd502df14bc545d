/**
 * Every public method of the client against the public testing kit alone (`spotify-scraper` and
 * `spotify-scraper/testing`, no stub, no private import): what a user's own test can do offline.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AsyncSpotifyClient, CHARTS, NotFoundError } from '../src/index.js';
import {
  FAKE_SP_DC,
  artistSummaryOf,
  fakeAlbum,
  fakeArtist,
  fakeCanvas,
  fakeColors,
  fakeConcert,
  fakeCredits,
  fakeEpisode,
  fakeLyrics,
  fakePlaylist,
  fakeRelease,
  fakeShow,
  fakeTrack,
  fakeTranscript,
  fakeUser,
  playlistSummaryOf,
  releaseOf,
  showSummaryOf,
  startFakeSpotify,
  type FakeSpotify,
} from '../src/testing/index.js';

let spotify: FakeSpotify;
let client: AsyncSpotifyClient;
let dir: string;
const called = new Set<string>();

/** Records that a method was exercised. */
const use = <T>(name: string, result: Promise<T>): Promise<T> => {
  called.add(name);
  return result;
};

beforeAll(async () => {
  spotify = await startFakeSpotify();
  client = new AsyncSpotifyClient({ ...spotify.clientOptions, cookies: FAKE_SP_DC });
  dir = await mkdtemp(join(tmpdir(), 'kit-'));
});

afterAll(async () => {
  await use('close', client.close());
  await spotify.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the public kit serves every method of the client', () => {
  it('getters, resolve and their batch helpers', async () => {
    const track = spotify.add(fakeTrack({ name: 'Kit Song' }));
    const album = spotify.add(fakeAlbum({}, 4));
    const artist = spotify.add(fakeArtist());
    const playlist = spotify.add(fakePlaylist({}, 120));
    const episode = spotify.add(fakeEpisode());
    const show = spotify.add(fakeShow({}, 4));
    expect(await use('getTrack', client.getTrack(track.url))).toEqual(track);
    expect(await use('getAlbum', client.getAlbum(album.uri))).toEqual(album);
    expect(await use('getArtist', client.getArtist(artist.id))).toEqual(artist);
    // Items past an embed's first 100 carry no preview URL, as on Spotify.
    const paged = playlist.tracks.map((item, index) =>
      index < 100 ? item : { ...item, track: { ...item.track, previewUrl: null } },
    );
    expect(await use('getPlaylist', client.getPlaylist(playlist.id, { maxTracks: Infinity }))).toEqual({
      ...playlist,
      tracks: paged,
    });
    expect(await use('getEpisode', client.getEpisode(episode.id))).toEqual(episode);
    expect(await use('getShow', client.getShow(show.id))).toEqual(show);
    expect(await use('resolve', client.resolve(album.url))).toEqual({ type: 'album', id: album.id });
    expect(await use('get', client.get('album', album.uri))).toEqual(album);
    await expect(client.get('song' as 'track', track.id)).rejects.toThrow(/Unknown entity type "song"/);
    const missing = fakeTrack().id;
    const tracks = await use('getTracks', client.getTracks([track.id, missing]));
    expect(tracks.map((entry) => entry.ok)).toEqual([true, false]);
    expect(tracks[1]).toMatchObject({ ok: false, error: expect.any(NotFoundError) });
    expect((await use('getAlbums', client.getAlbums([album.id])))[0]).toEqual({
      value: album.id,
      ok: true,
      result: album,
    });
    expect((await use('getArtists', client.getArtists([artist.id])))[0]?.ok).toBe(true);
    expect((await use('getPlaylists', client.getPlaylists([playlist.id], { maxTracks: 5 })))[0]).toMatchObject({
      ok: true,
      result: { tracks: playlist.tracks.slice(0, 5) },
    });
    expect((await use('getEpisodes', client.getEpisodes([episode.id])))[0]?.ok).toBe(true);
    expect((await use('getShows', client.getShows([show.id])))[0]?.ok).toBe(true);
  });

  it('discovery: search over what was added, discography, related, similar, concerts, colours', async () => {
    const artist = spotify.add(fakeArtist({ name: 'Searchable Band' }));
    const ref = { name: artist.name, id: artist.id, uri: artist.uri };
    const older = spotify.add(
      fakeAlbum({ name: 'First Searchable LP', artists: [ref], releaseDate: '2019-03-01T00:00:00Z' }),
    );
    const newer = spotify.add(fakeAlbum({ name: 'Second LP', artists: [ref], releaseDate: '2023-09-01T00:00:00Z' }));
    const track = spotify.add(fakeTrack({ name: 'Searchable Tune', artists: [ref] }));
    const playlist = spotify.add(fakePlaylist({ name: 'Searchable Mix' }));
    const show = spotify.add(fakeShow({ name: 'The Searchable Show' }));
    const episode = spotify.add(fakeEpisode({ name: 'Searchable episode one' }));

    const results = await use('search', client.search('searchable'));
    expect(results.tracks.map((t) => t.id)).toEqual([track.id]);
    // Every word of the query in the name, or in the artists' names.
    expect(results.albums).toEqual([releaseOf(older), releaseOf(newer)]);
    expect(results.artists).toEqual([artistSummaryOf(artist)]);
    expect(results.playlists).toEqual([playlistSummaryOf(playlist)]);
    expect(results.shows).toEqual([showSummaryOf(show)]);
    expect(results.episodes.map((e) => e.id)).toEqual([episode.id]);
    expect(results.totals).toMatchObject({ track: 1, album: 2, artist: 1 });
    expect((await client.search('second searchable')).albums).toEqual([releaseOf(newer)]);
    expect((await client.search('searchable', { types: ['album'], limit: 1 })).albums).toHaveLength(1);

    // The artist's discography: the added albums that name it, newest first (or what a test sets).
    expect(await use('getArtistDiscography', client.getArtistDiscography(artist.id))).toEqual([
      releaseOf(newer),
      releaseOf(older),
    ]);
    const set = [fakeRelease(), fakeRelease(), fakeRelease()];
    spotify.setDiscography(artist.id, set);
    expect(await client.getArtistDiscography(artist.id, { fresh: true, maxReleases: 2 })).toEqual(set.slice(0, 2));

    const related = [artistSummaryOf(spotify.add(fakeArtist())), artistSummaryOf(fakeArtist())];
    spotify.setRelatedArtists(artist.id, related);
    expect(await use('getRelatedArtists', client.getRelatedArtists(artist.uri))).toEqual(related);
    const similar = [fakeRelease(), releaseOf(newer)];
    spotify.setSimilarAlbums(track.id, similar);
    expect(await use('getSimilarAlbums', client.getSimilarAlbums(track.id, { limit: 1 }))).toEqual(similar.slice(0, 1));
    const concerts = [fakeConcert({ artists: [ref] })];
    spotify.setConcerts(artist.id, concerts);
    expect(await use('getArtistConcerts', client.getArtistConcerts(artist.id))).toEqual(concerts);

    // Colours of any picture of an added entity: the same for the same picture.
    const colors = await use('getColors', client.getColors(older));
    expect(colors).toMatchObject({ raw: expect.stringMatching(/^#[0-9A-F]{6}$/), isFallback: false });
    expect(await client.getColors(older.images[0]!.url)).toEqual(colors);
    spotify.setColors(older.images[0]!.url, fakeColors({ raw: '#123456' }));
    expect((await client.getColors(older, { fresh: true })).raw).toBe('#123456');
    await expect(
      client.getColors('https://i.scdn.co/image/ab67616d0000b273ffffffffffffffffffffffff'),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(client.getRelatedArtists(fakeArtist().id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('downloads: covers, previews (with the cover embedded) and Canvas videos', async () => {
    const track = spotify.add(fakeTrack({ name: 'Downloadable' }));
    const episode = spotify.add(fakeEpisode());
    const cover = await use('downloadCover', client.downloadCover(track, dir));
    expect((await readFile(cover)).subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    const preview = await use('downloadPreview', client.downloadPreview(track, dir, { embedCover: true }));
    const mp3 = await readFile(preview);
    expect(mp3.subarray(0, 3).toString()).toBe('ID3');
    expect(mp3.includes(Buffer.from('image/jpeg'))).toBe(true);
    expect(await client.downloadPreview(episode, dir)).toMatch(/\.mp3$/);
    const canvas = spotify.addCanvas(fakeCanvas({ trackId: track.id }));
    const found = await use('getCanvas', client.getCanvas(track.id));
    expect(found).toEqual(canvas);
    const video = await use('downloadCanvas', client.downloadCanvas(found!, dir));
    expect((await readFile(video)).subarray(4, 8).toString()).toBe('ftyp');
  });

  it('credits, charts and the account features, with their batch helpers', async () => {
    const track = spotify.add(fakeTrack());
    const credits = spotify.addCredits(fakeCredits({ trackId: track.id }));
    spotify.addCanvas(fakeCanvas({ trackId: track.id }));
    const lyrics = spotify.addLyrics(fakeLyrics({ trackId: track.id }));
    const transcript = spotify.addTranscript(fakeTranscript());
    const user = spotify.addUser(fakeUser());
    const chart = spotify.add(fakePlaylist({ id: CHARTS[3]!.playlistId }, 2));
    expect(await use('getCredits', client.getCredits(track.id))).toEqual(credits);
    expect(await use('getChart', client.getChart('todays-top-hits'))).toEqual(chart);
    expect(await use('getLyrics', client.getLyrics(track.id))).toEqual(lyrics);
    expect(await use('getTranscript', client.getTranscript(transcript.episodeId))).toEqual(transcript);
    expect(await use('getUser', client.getUser(user.uri))).toEqual(user);
    expect(await use('getAccount', client.getAccount())).toEqual(spotify.auth.account);
    for (const [name, run] of [
      ['getLyricsMany', () => client.getLyricsMany([track.id])],
      ['getCreditsMany', () => client.getCreditsMany([track.id])],
      ['getCanvasMany', () => client.getCanvasMany([track.id])],
      ['getTranscriptMany', () => client.getTranscriptMany([transcript.episodeId])],
      ['getUserMany', () => client.getUserMany([user.id])],
    ] as const)
      expect((await use(name, (run as () => Promise<Array<{ ok: boolean }>>)()))[0]?.ok).toBe(true);
  });

  it('catalogues: summaries and ISRCs 50 at a time, recommendations, iterators', async () => {
    const tracks = Array.from({ length: 3 }, (_, index) => spotify.add(fakeTrack({ name: `Listed ${index}` })));
    spotify.setIsrc(tracks[1]!.id, 'USRC17607839');
    const summaries = await client.getTracks(
      tracks.map((t) => t.id),
      { detail: 'summary', externalIds: true },
    );
    expect(summaries.map((entry) => entry.mode)).toEqual(['list', 'list', 'list']);
    const second = summaries[1];
    expect(second?.ok && second.result).toMatchObject({
      id: tracks[1]!.id,
      name: 'Listed 1',
      previewUrl: tracks[1]!.previewUrl,
      isrc: 'USRC17607839',
      // decorateContextTracks carries no content rating: a summary says it does not know.
      explicit: null,
    });
    const single = await client.getTrack(tracks[0]!.id, { externalIds: true });
    expect(single.isrc).toMatch(/^QZFAK\d{7}$/);
    const episode = spotify.add(fakeEpisode({ name: 'Listed episode' }));
    const episodes = await client.getEpisodes([episode.id], { detail: 'summary' });
    expect(episodes[0]).toMatchObject({ ok: true, mode: 'list', result: { name: 'Listed episode' } });

    const recommended = [fakeTrack(), fakeTrack()];
    spotify.setRecommendations(tracks[0]!.id, recommended);
    const found = await use('getRecommendations', client.getRecommendations(tracks[0]!.uri, { limit: 1 }));
    expect(found.map((t) => t.id)).toEqual([recommended[0]!.id]);

    const playlist = spotify.add(fakePlaylist({}, 130));
    const items: string[] = [];
    for await (const item of await use('iteratePlaylist', Promise.resolve(client.iteratePlaylist(playlist.id)))) {
      items.push(item.track.id);
    }
    expect(items).toEqual(playlist.tracks.map((item) => item.track.id));
    const show = spotify.add(fakeShow({}, 3));
    const shown: string[] = [];
    for await (const item of await use('iterateShow', Promise.resolve(client.iterateShow(show.id))))
      shown.push(item.id);
    expect(shown).toEqual(show.episodes.map((item) => item.id));
    const artist = spotify.add(fakeArtist());
    spotify.setDiscography(artist.id, [fakeRelease(), fakeRelease()]);
    let releases = 0;
    for await (const _ of await use('iterateDiscography', Promise.resolve(client.iterateDiscography(artist.id))))
      releases += 1;
    expect(releases).toBe(2);
    const hits: string[] = [];
    const search = await use('iterateSearch', Promise.resolve(client.iterateSearch('listed', { type: 'track' })));
    for await (const hit of search) hits.push(hit.name);
    expect(hits.sort()).toEqual(['Listed 0', 'Listed 1', 'Listed 2']);
  });

  it('no public method was left out', () => {
    // The methods come in families (client/*-methods.ts): every prototype up the chain counts.
    const methods: string[] = [];
    for (let proto = AsyncSpotifyClient.prototype; proto !== Object.prototype; proto = Object.getPrototypeOf(proto))
      methods.push(
        ...Object.getOwnPropertyNames(proto).filter(
          (name) => name !== 'constructor' && typeof Object.getOwnPropertyDescriptor(proto, name)?.value === 'function',
        ),
      );
    expect(methods.length).toBeGreaterThan(30);
    // close() runs after the others (afterAll); `closed` is a getter, [Symbol.asyncDispose] is close().
    expect(methods.filter((name) => !called.has(name) && name !== 'close').sort()).toEqual([]);
  });
});
