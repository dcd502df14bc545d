import type { AlbumRef, ArtistRef, Image, UserRef } from '../models/common.js';
import { entityIdFromUri, idFromUri, spotifyId } from '../parse/fields.js';
import { readImageList } from '../parse/images.js';
import { at, isRaw, list, text } from '../parse/raw.js';
import { entityUri } from '../models/entities.js';

/**
 * The id of a track or episode row: from its `uri` (a row without one of its own, a local file, has
 * none: it is unreadable, never given a made-up id), or its bare `id` when it has no `uri` at all.
 */
export function playableIdOf(raw: unknown, type: 'track' | 'episode'): string | undefined {
  const uri = at(raw, 'uri');
  return entityIdFromUri(uri, type) ?? (uri === undefined ? spotifyId(at(raw, 'id')) : undefined);
}

/** `{sources: [...]}` image holders (coverArt, avatarImage, images.items[n]). */
export function sourcesOf(holder: unknown): Image[] {
  return readImageList(at(holder, 'sources'));
}

/** `artists.items[] {profile: {name}, uri}` (or `{data: {...}}`, as concerts list them) -> ArtistRef[]. */
export function artistsOf(items: unknown): ArtistRef[] {
  const artists: ArtistRef[] = [];
  for (const entry of list(items)) {
    const item = isRaw(at(entry, 'data')) ? at(entry, 'data') : entry;
    const name = text(at(item, 'profile', 'name')) ?? text(at(item, 'name'));
    if (name === undefined) continue;
    const id = entityIdFromUri(at(item, 'uri'), 'artist') ?? null;
    artists.push({ name, id, uri: id === null ? null : entityUri('artist', id) });
  }
  return artists;
}

/**
 * An album as a track names it, or null. Decision: a reference without a name (an artist's top
 * tracks carry only the album's uri and cover) is null rather than an AlbumRef named "": the track
 * keeps the cover as its `images`.
 */
export function albumRefOf(album: unknown): AlbumRef | null {
  const uri = text(at(album, 'uri'));
  const id = idFromUri(uri, 'album');
  const name = text(at(album, 'name'));
  if (uri === undefined || id === undefined || name === undefined) return null;
  return { id, uri, name, images: sourcesOf(at(album, 'coverArt')) };
}

/** A user as `{data: {name, uri, username}}` or `{name, uri, username}`. */
export function userOf(value: unknown): UserRef | null {
  const user = isRaw(at(value, 'data')) ? at(value, 'data') : value;
  const uri = text(at(user, 'uri'));
  const userUri = uri?.startsWith('spotify:user:') && !/\s/.test(uri) ? uri : undefined;
  const id = text(at(user, 'username')) ?? idFromUri(userUri, 'user');
  const name = text(at(user, 'name')) ?? text(at(user, 'displayName')) ?? id;
  // Nobody to name: no user at all, rather than a user called "".
  if (name === undefined) return null;
  return { name, id: id ?? null, uri: userUri ?? null };
}

export function isExplicitLabel(value: unknown): boolean {
  return (
    at(value, 'contentRating', 'label') === 'EXPLICIT' ||
    list(at(value, 'contentRatingV2', 'labels')).includes('EXPLICIT')
  );
}

export function totalMs(value: unknown): number {
  const ms = at(value, 'totalMilliseconds');
  return typeof ms === 'number' && ms >= 0 ? Math.round(ms) : 0;
}

/** Where a list came from and what it already holds, for merging in the embed's preview URLs. */
export type Previews = ReadonlyMap<string, string | null>;
export const NO_PREVIEWS: Previews = new Map();
