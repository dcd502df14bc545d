import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotFoundError, ParseError } from '../../src/index.js';
import { clientFor, startFakeSpotify } from '../helpers/fake-spotify.js';
import type { Loopback } from '../helpers/loopback.js';
import { sendHtml } from '../helpers/loopback.js';
import {
  embedHtml,
  embedState,
  episodeEntity,
  episodeRow,
  listEntity,
  notFoundHtml,
  restrictedRow,
  row,
  trackEntity,
} from '../helpers/pages.js';

const TRACK = '0DiWol3AO6WpXZgp0goxAV';
const ALBUM = '2noRn2Aes5aoNVsU6iWThc';
const ARTIST = '4tZwfgrHOc3mvqYlEYSvVi';
const PLAYLIST = '37i9dQZF1DXcBWIGoYBM5M';
const EPISODE = '5Q2dkZHfnGb2Y4BzzoBu2G';
const SHOW = '4rOoJ6Egrf8K2IrywzwOMk';
const MISSING = '3zhcxqTLh1vlaSB1etvzNj';

let server: Loopback;

beforeAll(async () => {
  const playlistRows = [...Array.from({ length: 120 }, () => row()), episodeRow(), restrictedRow()];
  server = await startFakeSpotify({
    [`/embed/track/${TRACK}`]: embedHtml(embedState(trackEntity({ id: TRACK, uri: `spotify:track:${TRACK}` }))),
    [`/embed/album/${ALBUM}`]: embedHtml(
      embedState(listEntity('album', [row(), row()], { id: ALBUM, uri: `spotify:album:${ALBUM}` })),
    ),
    [`/embed/artist/${ARTIST}`]: embedHtml(
      embedState(
        listEntity(
          'artist',
          Array.from({ length: 10 }, () => row()),
          { id: ARTIST, uri: `spotify:artist:${ARTIST}` },
        ),
      ),
      { format: 'initial-state' },
    ),
    [`/embed/playlist/${PLAYLIST}`]: embedHtml(
      embedState(listEntity('playlist', playlistRows, { id: PLAYLIST, uri: `spotify:playlist:${PLAYLIST}` })),
    ),
    [`/embed/episode/${EPISODE}`]: embedHtml(
      embedState(episodeEntity({ id: EPISODE, uri: `spotify:episode:${EPISODE}` })),
    ),
    [`/embed/show/${SHOW}`]: embedHtml(embedState(episodeEntity(), `spotify:show:${SHOW}`)),
    [`/embed/playlist/${MISSING}`]: notFoundHtml(),
    [`/embed/track/${MISSING}`]: (_request, res) => sendHtml(res, notFoundHtml(), 404),
    [`/embed/album/${MISSING}`]: '<html><body>maintenance</body></html>',
  });
});

afterAll(async () => {
  await server.close();
});

describe('the six getters over a real socket', () => {
  it('getTrack from any accepted value form', async () => {
    await using client = clientFor(server);
    for (const value of [TRACK, `spotify:track:${TRACK}`, `https://open.spotify.com/intl-de/track/${TRACK}?si=1`]) {
      const track = await client.getTrack(value);
      expect(track).toMatchObject({ type: 'track', id: TRACK, name: 'One More Time', durationMs: 320357 });
    }
    expect(server.requests.at(-1)).toMatchObject({ host: 'open.spotify.com', path: `/embed/track/${TRACK}` });
  });

  it('getAlbum, getArtist (initial-state page), getEpisode', async () => {
    await using client = clientFor(server);
    const [album, artist, episode] = await Promise.all([
      client.getAlbum(ALBUM),
      client.getArtist(ARTIST),
      client.getEpisode(EPISODE),
    ]);
    expect(album).toMatchObject({ type: 'album', id: ALBUM });
    expect(album.tracks).toHaveLength(2);
    expect(artist.topTracks).toHaveLength(10);
    expect(episode).toMatchObject({ type: 'episode', id: EPISODE, hasVideo: true });
    expect(episode.show?.id).toBe(SHOW);
  });

  it('getPlaylist keeps episodes and restricted rows, and trims to maxTracks (default 100)', async () => {
    await using client = clientFor(server);
    const all = await client.getPlaylist(PLAYLIST, { maxTracks: Infinity });
    expect(all.tracks).toHaveLength(122);
    expect(all.tracks[120]?.track.type).toBe('episode');
    expect(all.tracks[121]?.track.playable).toBe(false);
    expect((await client.getPlaylist(PLAYLIST)).tracks).toHaveLength(100);
    expect((await client.getPlaylist(PLAYLIST, { maxTracks: 3 })).tracks).toHaveLength(3);
  });

  it('getShow from the latest-episode embed', async () => {
    await using client = clientFor(server);
    const show = await client.getShow(`https://open.spotify.com/show/${SHOW}`);
    expect(show).toMatchObject({ type: 'show', id: SHOW, name: 'The Show' });
    expect(show.episodes).toHaveLength(1);
    expect((await client.getShow(SHOW, { maxEpisodes: 0 })).episodes).toHaveLength(0);
  });

  it('rejects bad limits and wrong types before any request', async () => {
    await using client = clientFor(server);
    const before = server.requests.length;
    await expect(client.getPlaylist(PLAYLIST, { maxTracks: -1 })).rejects.toThrow(/maxTracks/);
    await expect(client.getTrack(`https://open.spotify.com/album/${ALBUM}`)).rejects.toThrow(
      /Expected a track, got an album/,
    );
    await expect(client.getTrack('https://example.com/x')).rejects.toThrow(/example.com/);
    expect(server.requests.length).toBe(before);
  });
});

describe('missing and malformed pages', () => {
  it('HTTP 200 "Page not found" and HTTP 404 are NotFoundError', async () => {
    await using client = clientFor(server);
    await expect(client.getPlaylist(MISSING)).rejects.toBeInstanceOf(NotFoundError);
    await expect(client.getTrack(MISSING)).rejects.toBeInstanceOf(NotFoundError);
    await expect(client.getEpisode(MISSING)).rejects.toMatchObject({ name: 'NotFoundError', status: 404 });
  });

  it('a page without data is a ParseError naming the page', async () => {
    await using client = clientFor(server);
    const error = await client.getAlbum(MISSING).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ParseError);
    expect((error as ParseError).url).toBe(`https://open.spotify.com/embed/album/${MISSING}`);
  });
});
