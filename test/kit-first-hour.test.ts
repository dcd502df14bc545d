/**
 * The first hour, round 3: the testing kit serves what code under test asks next, can fail entity
 * calls on request, resolves short links, keeps its answers out of real cache keys, and its embed pages
 * carry what Spotify's carry. Everything through the public kit.
 */
import { describe, expect, it } from 'vitest';
import { AsyncSpotifyClient, RateLimitedError, type CacheStore } from '../src/index.js';
import {
  CATALOGUE,
  addCatalogue,
  fakeAlbum,
  fakePlaylist,
  fakeRelease,
  fakeShow,
  fakeArtist,
  fakeTrack,
  routeTo,
  startFakeSpotify,
} from '../src/testing/index.js';

describe('#5 the items of what was added are served as entities too', () => {
  it('a playlist, then each of its tracks', async () => {
    await using spotify = await startFakeSpotify();
    const playlist = spotify.add(fakePlaylist({}, 5));
    await using client = new AsyncSpotifyClient(spotify.clientOptions);
    const got = await client.getPlaylist(playlist.id);
    for (const item of got.tracks) expect((await client.getTrack(item.track.id)).id).toBe(item.track.id);
  });

  it("an album's tracks, a show's episodes, an artist's top tracks, a discography's releases", async () => {
    await using spotify = await startFakeSpotify();
    const album = spotify.add(fakeAlbum({}, 3));
    const show = spotify.add(fakeShow({}, 3));
    const artist = spotify.add(fakeArtist());
    const release = fakeRelease();
    spotify.setDiscography(artist.id, [release]);
    await using client = new AsyncSpotifyClient(spotify.clientOptions);
    expect((await client.getTrack(album.tracks[1]!.id)).name).toBe(album.tracks[1]!.name);
    expect((await client.getEpisode(show.episodes[2]!.id)).name).toBe(show.episodes[2]!.name);
    expect((await client.getTrack(artist.topTracks[0]!.id)).id).toBe(artist.topTracks[0]!.id);
    const [first] = await client.getArtistDiscography(artist.id);
    expect((await client.getAlbum(first!.uri)).name).toBe(release.name);
  });

  it("the built-in catalogue's 250-item playlist: every item", async () => {
    await using spotify = await startFakeSpotify();
    addCatalogue(spotify);
    await using client = new AsyncSpotifyClient(spotify.clientOptions);
    const playlist = await client.getPlaylist(CATALOGUE.playlist, { maxTracks: Infinity });
    expect(playlist.tracks.length).toBe(250);
    const last = playlist.tracks.at(-1)!.track;
    expect((await client.get(last.type, last.id)).id).toBe(last.id);
  });

  it('an entity added explicitly wins over an item of the same uri', async () => {
    await using spotify = await startFakeSpotify();
    const playlist = spotify.add(fakePlaylist({}, 2));
    const item = playlist.tracks[0]!.track;
    spotify.add(fakeTrack({ id: item.id, name: 'The full one' }));
    await using client = new AsyncSpotifyClient(spotify.clientOptions);
    expect((await client.getTrack(item.id)).name).toBe('The full one');
  });
});

describe('#5 the fake can fail entity calls', () => {
  it('a 429 with Retry-After for one value, the next time only', async () => {
    await using spotify = await startFakeSpotify();
    const [a, b] = [spotify.add(fakeTrack()), spotify.add(fakeTrack())];
    spotify.fail({ status: 429, retryAfter: 7 }, { value: a.uri });
    await using client = new AsyncSpotifyClient({ ...spotify.clientOptions, retry: { maxAttempts: 1 } });
    const error = await client.getTrack(a.id).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).retryAfterMs).toBe(7_000);
    expect(await client.getTrack(b.id)).toEqual(b);
    expect(await client.getTrack(a.id, { fresh: true })).toEqual(a);
  });

  it('a 503 for every album, twice: the client retries through it', async () => {
    await using spotify = await startFakeSpotify();
    const album = spotify.add(fakeAlbum({}, 2));
    spotify.fail({ status: 503 }, { type: 'album', times: 2 });
    const retries: number[] = [];
    await using client = new AsyncSpotifyClient({
      ...spotify.clientOptions,
      retry: { maxAttempts: 4, baseDelayMs: 1, maxDelayMs: 5 },
      onRetry: (info) => retries.push(info.attempt),
    });
    expect(await client.getAlbum(album.id)).toEqual(album);
    expect(retries).toEqual([1, 2]);
  });

  it('a truncated and a slow body: a NetworkError and a TimeoutError', async () => {
    await using spotify = await startFakeSpotify();
    const track = spotify.add(fakeTrack());
    await using client = new AsyncSpotifyClient({ ...spotify.clientOptions, timeout: 200 });
    spotify.fail({ truncated: true }, { value: track.id });
    await expect(client.getTrack(track.id)).rejects.toMatchObject({ name: 'NetworkError' });
    spotify.fail({ slowBodyMs: 1_000 }, { value: track.id });
    await expect(client.getTrack(track.id, { fresh: true })).rejects.toMatchObject({ name: 'TimeoutError' });
  });

  it('a rotated hash: the call still returns the page, and says the partner API failed', async () => {
    await using spotify = await startFakeSpotify();
    const track = spotify.add(fakeTrack());
    spotify.fail({ rotatedHash: true }, { type: 'track' });
    const warnings: string[] = [];
    await using client = new AsyncSpotifyClient({ ...spotify.clientOptions, onWarning: (m) => warnings.push(m) });
    expect((await client.getTrack(track.id)).id).toBe(track.id);
    expect(spotify.requests.some((r) => r.operation === 'getTrack')).toBe(true);
    expect(warnings.join('\n')).toMatch(/Partner API failed for track/);
  });
});

describe('#5 short links', () => {
  it('an added short link resolves to its entity', async () => {
    await using spotify = await startFakeSpotify();
    const track = spotify.add(fakeTrack());
    const link = spotify.addShortLink(track.uri);
    expect(link).toMatch(/^https:\/\/spotify\.link\//);
    await using client = new AsyncSpotifyClient(spotify.clientOptions);
    expect(await client.resolve(link)).toEqual({ type: 'track', id: track.id });
    expect(await client.getTrack(link)).toEqual(track);
  });
});

describe('#5 with partnerApi: false, the embed pages carry only what Spotify puts there', () => {
  it("a playlist's description is null (Spotify's embed page has none)", async () => {
    await using spotify = await startFakeSpotify();
    const playlist = spotify.add(fakePlaylist({ description: 'Only the partner API has this' }, 2));
    await using embedOnly = new AsyncSpotifyClient({ ...spotify.clientOptions, partnerApi: false });
    expect((await embedOnly.getPlaylist(playlist.id)).description).toBeNull();
    await using full = new AsyncSpotifyClient(spotify.clientOptions);
    expect((await full.getPlaylist(playlist.id)).description).toBe('Only the partner API has this');
  });
});

describe('#6 answers of a routed fake never land in real cache keys', () => {
  it('a client on routeTo(origin) writes its cache under origin:<origin>', async () => {
    await using spotify = await startFakeSpotify();
    const track = spotify.add(fakeTrack());
    const map = new Map<string, unknown>();
    const store: CacheStore = {
      get: (k) => map.get(k),
      set: (k, v) => void map.set(k, v),
      delete: (k) => map.delete(k),
    };
    const dispatcher = routeTo(spotify.origin);
    try {
      await using client = new AsyncSpotifyClient({ dispatcher, rateLimit: false, cache: { store } });
      await client.getTrack(track.id);
    } finally {
      await dispatcher.close();
    }
    const keys = [...map.keys()];
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) expect(key).toContain(encodeURIComponent(`origin:${spotify.origin}`));
  });
});

describe('#8 small ones', () => {
  it('downloadPreview(album) is the InvalidInputError the downloads table says, about "an album"', async () => {
    await using spotify = await startFakeSpotify();
    const album = spotify.add(fakeAlbum({}, 1));
    await using client = new AsyncSpotifyClient(spotify.clientOptions);
    await expect(client.downloadPreview(album as never, '/tmp')).rejects.toMatchObject({
      name: 'InvalidInputError',
      message: 'Only tracks and episodes have previews, got an album',
    });
    expect(spotify.requests.filter((r) => r.path.includes('mp3'))).toEqual([]);
  });
});
