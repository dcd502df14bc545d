import { InvalidInputError } from '../errors.js';
import { isEntityType, type AnyEntity, type EntityType } from '../models/entities.js';
import type { Album, Release } from '../models/index.js';
import type { Query } from './fake-request.js';
import type { FaultTarget } from './fake-faults.js';

/** The entities an entity lists: a playlist's tracks and episodes, an album's tracks, a show's episodes, an artist's top tracks. */
export function itemsOf(entity: AnyEntity): readonly AnyEntity[] {
  switch (entity.type) {
    case 'playlist':
      return entity.tracks.map((item) => item.track);
    case 'album':
      return entity.tracks;
    case 'show':
      return entity.episodes;
    case 'artist':
      return entity.topTracks;
    default:
      return [];
  }
}

/** A release as an album: what the fake serves for a discography's release (no tracks, unless the album was added). */
export function albumOf(release: Release): Album {
  return {
    type: 'album',
    id: release.id,
    uri: release.uri,
    url: release.url,
    name: release.name,
    albumType: release.albumType,
    artists: release.artists,
    images: release.images,
    releaseDate: release.releaseDate,
    label: null,
    totalTracks: release.totalTracks,
    tracks: [],
    copyrights: [],
  };
}

/** What a request is about, for a failure a test armed: an embed page's entity, or a query's uri. */
export function faultTarget(url: URL, query: Query | undefined): FaultTarget {
  const page = /^\/embed\/([a-z]+)\/([0-9A-Za-z]{22})\/?$/.exec(url.pathname);
  if (page && isEntityType(page[1] as string)) return { type: page[1] as EntityType, id: page[2], query: false };
  if (query) {
    // A list operation (decorateContextTracks…) is about the first uri of its `uris`.
    const uris = query.variables['uris'];
    const first: unknown = Array.isArray(uris) ? uris[0] : undefined;
    const uri = [query.variables['uri'], query.variables['trackUri'], query.variables['artistUri'], first].find(
      (value): value is string => typeof value === 'string',
    );
    const match = uri === undefined ? null : /^spotify:([a-z]+):([0-9A-Za-z]{22})$/.exec(uri);
    if (match && isEntityType(match[1] as string)) return { type: match[1] as EntityType, id: match[2], query: true };
  }
  return { type: undefined, id: undefined, query: query !== undefined };
}

/** Where a short link added with `addShortLink(value)` leads: the open.spotify.com URL of the value. */
export function shortLinkTarget(value: string): string {
  const match = /^spotify:([a-z]+):([0-9A-Za-z]{22})$/.exec(value.trim());
  const target = match ? `https://open.spotify.com/${match[1]}/${match[2]}` : value.trim();
  if (!/^https:\/\/open\.spotify\.com\/[a-z]+\/[0-9A-Za-z]{22}$/.test(target))
    throw new InvalidInputError('addShortLink takes a spotify:TYPE:ID URI or an open.spotify.com URL');
  return target;
}
