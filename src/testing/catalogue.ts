import { CHARTS } from '../client/charts.js';
import { DOCTOR_ENTITIES } from '../doctor.js';
import type { Album, Artist, Playlist, Show, Track } from '../models/index.js';
import { fakeCanvas, fakeCredits, fakeLyrics, fakeTranscript, fakeUser } from './account-factories.js';
import type { FakeSpotify } from './fake-spotify.js';
import { fakeAlbum, fakeArtist, fakeEpisode, fakeImages, fakePlaylist, fakeShow, fakeTrack } from './factories.js';
import { artistSummaryOf, fakeConcert, releaseOf } from './summaries.js';
import { entityUri } from '../models/entities.js';

/**
 * The built-in catalogue of `spotify-scraper fake-spotify` and of the offline demo: a small, made-up
 * world in which every command has something to answer (the ids are in `CATALOGUE`).
 */
export const CATALOGUE = Object.freeze({
  track: '1oCa1h0stTrackDemo0001',
  album: '1oCa1h0stA1bumDemo0001',
  artist: '1oCa1h0stArtistDemo001',
  playlist: '1oCa1h0stP1ay1istDemo1',
  episode: '1oCa1h0stEpisodeDemo01',
  show: '1oCa1h0stShowDemo00001',
  user: 'ghostsignal',
  /** A search that finds something of every type. */
  query: 'ghost',
});

const id = (prefix: string, index: number) => `${prefix}${String(index).padStart(22 - prefix.length, '0')}`;

/** Adds the catalogue to a fake Spotify (entities, discovery answers, account data, charts). */
export function addCatalogue(spotify: FakeSpotify): void {
  const c = CATALOGUE;
  const ref = { name: 'Ghost Signal', id: c.artist, uri: entityUri('artist', c.artist) };
  const album: Album = spotify.add(
    fakeAlbum(
      {
        id: c.album,
        name: 'Ghost Frequencies',
        artists: [ref],
        releaseDate: '2024-10-04T00:00:00Z',
        label: 'Static Records',
      },
      8,
    ),
  );
  const older = spotify.add(
    fakeAlbum(
      { id: id('1oCa1h0stOlder', 1), name: 'First Transmission', artists: [ref], releaseDate: '2019-02-15T00:00:00Z' },
      6,
    ),
  );
  const single = spotify.add(
    fakeAlbum(
      {
        id: id('1oCa1h0stSingle', 1),
        name: 'Ghost Light (Single)',
        artists: [ref],
        albumType: 'SINGLE',
        releaseDate: '2025-06-20T00:00:00Z',
      },
      1,
    ),
  );
  const first = album.tracks[0] as Track;
  const track: Track = spotify.add(
    fakeTrack({ ...first, id: c.track, name: 'Ghost in the Static', trackNumber: 1, playCount: 4_815_162 }),
  );
  const artist: Artist = spotify.add(
    fakeArtist({
      id: c.artist,
      name: ref.name,
      biography: 'A made-up band of the offline catalogue.',
      followers: 120_000,
      monthlyListeners: 480_000,
      topTracks: [track, ...album.tracks.slice(1, 5)],
    }),
  );
  const friends = ['Static Choir', 'Night Radio', 'Low Frequency'].map((name, index) =>
    spotify.add(fakeArtist({ id: id('1oCa1h0stFriend', index), name }, 2)),
  );
  const playlist: Playlist = spotify.add(
    fakePlaylist({ id: c.playlist, name: 'Ghost Radio', description: 'Signals from the catalogue.' }, 250),
  );
  const show: Show = spotify.add(
    fakeShow({ id: c.show, name: 'Ghost Stories Podcast', publisher: 'Static Media' }, 60),
  );
  const episode = spotify.add(
    fakeEpisode({
      ...(show.episodes[0] as (typeof show.episodes)[number]),
      id: c.episode,
      name: 'The ghost in the machine',
    }),
  );

  spotify.setDiscography(artist.id, [single, album, older].map(releaseOf));
  spotify.setRelatedArtists(artist.id, friends.map(artistSummaryOf));
  spotify.setSimilarAlbums(track.id, [releaseOf(older), releaseOf(single)]);
  spotify.setRecommendations(track.id, [...older.tracks, ...single.tracks]);
  spotify.setConcerts(artist.id, [
    fakeConcert({
      id: id('1oCa1h0stConcert', 1),
      title: 'Ghost Signal Live',
      city: 'Berlin',
      venue: 'Astra',
      artists: [ref],
    }),
    fakeConcert({
      id: id('1oCa1h0stConcert', 2),
      title: 'Static Festival',
      city: 'Oslo',
      venue: 'Sentrum',
      artists: [ref, { name: 'Night Radio', id: friends[1]!.id, uri: friends[1]!.uri }],
    }),
  ]);

  spotify.addLyrics(fakeLyrics({ trackId: track.id }));
  spotify.addCredits(fakeCredits({ trackId: track.id, trackName: track.name }));
  spotify.addCanvas(fakeCanvas({ trackId: track.id }));
  spotify.addTranscript(fakeTranscript({ episodeId: episode.id }));
  spotify.addUser(
    fakeUser({
      id: c.user,
      name: 'Ghost Signal Fan',
      playlists: [
        {
          type: 'playlist',
          id: playlist.id,
          uri: playlist.uri,
          url: playlist.url,
          name: playlist.name,
          description: null,
          owner: { name: 'Ghost Signal Fan', id: c.user, uri: entityUri('user', c.user) },
          images: [{ url: (fakeImages(playlist.id)[0] as { url: string }).url, width: null, height: null }],
        },
      ],
      playlistsTotal: 1,
    }),
  );
  for (const chart of CHARTS) spotify.add(fakePlaylist({ id: chart.playlistId, name: chart.name }, 50));
  // The entities `doctor` probes, so that it finds every layer well here.
  const known = DOCTOR_ENTITIES;
  spotify.add(fakeTrack({ id: known.track, name: 'Never Gonna Give You Up' }));
  spotify.add(fakeAlbum({ id: known.album }));
  spotify.add(fakeArtist({ id: known.artist }));
  spotify.add(fakeEpisode({ id: known.episode }));
  spotify.add(fakeShow({ id: known.show }));
}
