import type {
  Album,
  Artist,
  ArtistSummary,
  Colors,
  Concert,
  Playlist,
  PlaylistSummary,
  Release,
  Show,
  ShowSummary,
} from '../models/index.js';
import { entityUri, entityUrl } from '../models/entities.js';
import { fakeArtistRef, fakeId, fakeImages, type FakeOverrides } from './factories.js';

/**
 * The summary models lists carry (search hits, discographies, related artists, similar albums,
 * concerts, colours): from an entity (`releaseOf(album)`: what the fake's search and discography
 * answer for an added album), or made up (`fakeRelease()`).
 */

/** An album as lists name it. */
export function releaseOf(album: Album): Release {
  return {
    type: 'album',
    id: album.id,
    uri: album.uri,
    url: album.url,
    name: album.name,
    albumType: album.albumType,
    artists: album.artists,
    images: album.images,
    releaseDate: album.releaseDate,
    totalTracks: album.totalTracks,
  };
}

/** An artist as lists name it. */
export function artistSummaryOf(artist: Artist): ArtistSummary {
  return { type: 'artist', id: artist.id, uri: artist.uri, url: artist.url, name: artist.name, images: artist.images };
}

/** A playlist as search lists it. */
export function playlistSummaryOf(playlist: Playlist): PlaylistSummary {
  return {
    type: 'playlist',
    id: playlist.id,
    uri: playlist.uri,
    url: playlist.url,
    name: playlist.name,
    description: playlist.description,
    owner: playlist.owner,
    images: playlist.images.slice(0, 1),
  };
}

/** A show as search lists it. */
export function showSummaryOf(show: Show): ShowSummary {
  return {
    type: 'show',
    id: show.id,
    uri: show.uri,
    url: show.url,
    name: show.name,
    publisher: show.publisher,
    images: show.images,
  };
}

const base = <T extends 'album' | 'artist'>(type: T, id: string) => ({
  type,
  id,
  uri: entityUri(type, id),
  url: entityUrl(type, id),
});

/** A made-up release (an album of its own). */
export function fakeRelease(overrides: FakeOverrides<Release> = {}): Release {
  const id = overrides.id ?? fakeId('Release');
  return {
    name: `Release ${id.slice(-4)}`,
    albumType: 'ALBUM',
    artists: [fakeArtistRef()],
    images: fakeImages(id),
    releaseDate: '2024-05-17T00:00:00Z',
    totalTracks: 10,
    ...overrides,
    ...base('album', id),
  };
}

/** A made-up artist summary. */
export function fakeArtistSummary(overrides: FakeOverrides<ArtistSummary> = {}): ArtistSummary {
  const id = overrides.id ?? fakeId('Artist');
  return { name: `Artist ${id.slice(-4)}`, images: fakeImages(id), ...overrides, ...base('artist', id) };
}

/** A made-up concert of the artists given (default one made up). */
export function fakeConcert(overrides: FakeOverrides<Concert> = {}): Concert {
  const id = overrides.id ?? fakeId('Concert');
  return {
    title: `Fake Festival ${id.slice(-4)}`,
    startDate: '2027-07-01T19:00+02:00',
    city: 'Stockholm',
    venue: 'Fake Hall',
    artists: [fakeArtistRef()],
    ...overrides,
    id,
    uri: entityUri('concert', id),
  };
}

/** Colours as `getColors` returns them. */
export function fakeColors(overrides: FakeOverrides<Colors> = {}): Colors {
  return { raw: '#780010', dark: '#780010', light: '#ED0020', isFallback: false, ...overrides };
}
