import type { ArtistSummary } from '../models/artist-summary.js';
import type { PlaylistSummary } from '../models/playlist-summary.js';
import type { Release } from '../models/release.js';
import type { ShowSummary } from '../models/show-summary.js';
import { entityIdFromUri, entityUrl } from '../parse/fields.js';
import { at, count, num, str, text } from '../parse/raw.js';
import { artistsOf, sourcesOf, userOf } from './common.js';
import { entityUri } from '../models/entities.js';

/** The id of a partner API item of `type` from its uri, or undefined when it has no usable uri. */
function idOf(raw: unknown, type: 'album' | 'artist' | 'playlist' | 'show'): string | undefined {
  return entityIdFromUri(at(raw, 'uri'), type);
}

// The builders below write each object literal out in full: spreading a shared base object made
// every summary several times slower to build (V8 cannot predict the spread's shape).

/** An album as search, discographies and recommendations list it (`{uri, name, type, date, coverArt, …}`). */
export function apiRelease(raw: unknown): Release | undefined {
  const id = idOf(raw, 'album');
  if (id === undefined) return undefined;
  const date = at(raw, 'date');
  const year = num(at(date, 'year'));
  return {
    type: 'album',
    id,
    uri: entityUri('album', id),
    url: entityUrl('album', id),
    name: str(at(raw, 'name')) ?? '',
    albumType: text(at(raw, 'type')) ?? null,
    artists: artistsOf(at(raw, 'artists', 'items')),
    images: sourcesOf(at(raw, 'coverArt')),
    releaseDate: text(at(date, 'isoString')) ?? (year === undefined ? null : String(year)),
    totalTracks: count(at(raw, 'tracks', 'totalCount')),
  };
}

/** An artist as search and related artists list it (`{uri, profile: {name}, visuals: {avatarImage}}`). */
export function apiArtistSummary(raw: unknown): ArtistSummary | undefined {
  const id = idOf(raw, 'artist');
  if (id === undefined) return undefined;
  return {
    type: 'artist',
    id,
    uri: entityUri('artist', id),
    url: entityUrl('artist', id),
    name: str(at(raw, 'profile', 'name')) ?? '',
    images: sourcesOf(at(raw, 'visuals', 'avatarImage')),
  };
}

export function apiPlaylistSummary(raw: unknown): PlaylistSummary | undefined {
  const id = idOf(raw, 'playlist');
  if (id === undefined) return undefined;
  const images = at(raw, 'images', 'items');
  return {
    type: 'playlist',
    id,
    uri: entityUri('playlist', id),
    url: entityUrl('playlist', id),
    name: str(at(raw, 'name')) ?? '',
    description: text(at(raw, 'description')) ?? null,
    owner: userOf(at(raw, 'ownerV2')),
    images: sourcesOf(Array.isArray(images) ? images[0] : undefined),
  };
}

export function apiShowSummary(raw: unknown): ShowSummary | undefined {
  const id = idOf(raw, 'show');
  if (id === undefined) return undefined;
  return {
    type: 'show',
    id,
    uri: entityUri('show', id),
    url: entityUrl('show', id),
    name: str(at(raw, 'name')) ?? '',
    publisher: text(at(raw, 'publisher', 'name')) ?? null,
    images: sourcesOf(at(raw, 'coverArt')),
  };
}
