/** The public testing kit (`spotify-scraper/testing`): fakes come back from the client equal to themselves. */
import { describe, expect, it } from 'vitest';
import { AsyncSpotifyClient, NotFoundError } from '../src/index.js';
import {
  fakeAlbum,
  fakeArtist,
  fakeEpisode,
  fakePlaylist,
  fakeShow,
  fakeTrack,
  startFakeSpotify,
} from '../src/testing/index.js';

describe('spotify-scraper/testing', () => {
  it('a user test in five lines', async () => {
    await using spotify = await startFakeSpotify();
    const track = spotify.add(fakeTrack({ name: 'Song' }));
    await using client = new AsyncSpotifyClient({ dispatcher: spotify.dispatcher });
    expect(await client.getTrack(track.id)).toEqual(track);
  });

  it('every kind of fake round-trips through the embed page and the partner API', async () => {
    await using spotify = await startFakeSpotify();
    await using client = new AsyncSpotifyClient({ dispatcher: spotify.dispatcher, rateLimit: false });
    const album = spotify.add(fakeAlbum({ name: 'Loop Album' }, 60));
    const artist = spotify.add(fakeArtist({}, 10));
    const playlist = spotify.add(fakePlaylist({}, 120));
    const episode = spotify.add(fakeEpisode({ explicit: true, hasVideo: true }));
    const show = spotify.add(fakeShow({}, 70));
    const track = spotify.add(fakeTrack({ explicit: true, playCount: null, album: null, images: [] }));
    expect(await client.getAlbum(album.uri)).toEqual(album);
    expect(await client.getArtist(artist.url)).toEqual(artist);
    // Items past an embed's first 100 have no preview URL, as on Spotify.
    const expectedPlaylist = {
      ...playlist,
      tracks: playlist.tracks.map((item, index) =>
        index < 100 ? item : { ...item, track: { ...item.track, previewUrl: null } },
      ),
    };
    expect(await client.getPlaylist(playlist.id, { maxTracks: Infinity })).toEqual(expectedPlaylist);
    expect(await client.getEpisode(episode.id)).toEqual(episode);
    expect(await client.getShow(show.id, { maxEpisodes: Infinity })).toEqual(show);
    expect(await client.getTrack(track.id)).toEqual(track);
  });

  it('an id it does not serve is a NotFoundError; requests are recorded with the host meant', async () => {
    await using spotify = await startFakeSpotify();
    await using client = new AsyncSpotifyClient({ dispatcher: spotify.dispatcher, retry: false });
    const track = spotify.add(fakeTrack());
    spotify.remove(track.uri);
    await expect(client.getTrack(track.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(spotify.requests.at(-1)).toMatchObject({ host: 'open.spotify.com', path: `/embed/track/${track.id}` });
  });

  it('close() twice resolves both times', async () => {
    const spotify = await startFakeSpotify();
    await Promise.all([spotify.close(), spotify.close()]);
    await expect(spotify.close()).resolves.toBeUndefined();
  });

  it('fakes are valid models with fresh ids', () => {
    const [a, b] = [fakeTrack(), fakeTrack()];
    expect(a.id).not.toBe(b.id);
    expect(a.id).toMatch(/^[0-9A-Za-z]{22}$/);
    expect(fakeAlbum({}, 2).tracks.every((track) => track.album?.id === track.album?.id)).toBe(true);
  });
});
