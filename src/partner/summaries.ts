import type { ArtistSummary } from '../models/artist-summary.js';
import type { PlaylistSummary } from '../models/playlist-summary.js';
import type { Release } from '../models/release.js';
import type { ShowSummary } from '../models/show-summary.js';
import { entityUrl, idFromUri } from '../parse/fields.js';
import { at, count, num, str, text } from '../parse/raw.js';
import { artistsOf, sourcesOf, userOf } from './common.js';

/** The id and uri of a partner API item of `type`, or undefined when it has no usable uri. */
function identity<T extends 'album' | 'artist' | 'playlist' | 'show'>(raw: unknown, type: T) {
  const uri = text(at(raw, 'uri'));
  const id = idFromUri(uri, type);
  if (uri === undefined || id === undefined) return undefined;
  return { type, id, uri, url: entityUrl(type, id) };
}

/** An album as search, discographies and recommendations list it (`{uri, name, type, date, coverArt, …}`). */
export function apiRelease(raw: unknown): Release | undefined {
  const base = identity(raw, 'album');
  if (!base) return undefined;
  const date = at(raw, 'date');
  const year = num(at(date, 'year'));
  return {
    ...base,
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
  const base = identity(raw, 'artist');
  if (!base) return undefined;
  return { ...base, name: str(at(raw, 'profile', 'name')) ?? '', images: sourcesOf(at(raw, 'visuals', 'avatarImage')) };
}

export function apiPlaylistSummary(raw: unknown): PlaylistSummary | undefined {
  const base = identity(raw, 'playlist');
  if (!base) return undefined;
  const images = at(raw, 'images', 'items');
  return {
    ...base,
    name: str(at(raw, 'name')) ?? '',
    description: text(at(raw, 'description')) ?? null,
    owner: userOf(at(raw, 'ownerV2')),
    images: sourcesOf(Array.isArray(images) ? images[0] : undefined),
  };
}

export function apiShowSummary(raw: unknown): ShowSummary | undefined {
  const base = identity(raw, 'show');
  if (!base) return undefined;
  return {
    ...base,
    name: str(at(raw, 'name')) ?? '',
    publisher: text(at(raw, 'publisher', 'name')) ?? null,
    images: sourcesOf(at(raw, 'coverArt')),
  };
}
