import type { AlbumRef, ArtistRef, Image, UserRef } from '../models/common.js';
import { idFromUri } from '../parse/fields.js';
import { readImageList } from '../parse/images.js';
import { at, isRaw, list, str, text } from '../parse/raw.js';

/** `{sources: [...]}` image holders (coverArt, avatarImage, images.items[n]). */
export function sourcesOf(holder: unknown): Image[] {
  return readImageList(at(holder, 'sources'));
}

/** `artists.items[] {profile: {name}, uri}` (or `{data: {...}}`, as concerts list them) -> ArtistRef[]. */
export function artistsOf(items: unknown): ArtistRef[] {
  const artists: ArtistRef[] = [];
  for (const entry of list(items)) {
    const item = isRaw(at(entry, 'data')) ? at(entry, 'data') : entry;
    const name = str(at(item, 'profile', 'name')) ?? str(at(item, 'name'));
    if (name === undefined) continue;
    const uri = text(at(item, 'uri')) ?? null;
    artists.push({ name, id: text(at(item, 'id')) ?? idFromUri(uri, 'artist') ?? null, uri });
  }
  return artists;
}

export function albumRefOf(album: unknown): AlbumRef | null {
  const uri = text(at(album, 'uri'));
  const id = text(at(album, 'id')) ?? idFromUri(uri, 'album');
  if (uri === undefined || id === undefined) return null;
  return { id, uri, name: str(at(album, 'name')) ?? '', images: sourcesOf(at(album, 'coverArt')) };
}

/** A user as `{data: {name, uri, username}}` or `{name, uri, username}`. */
export function userOf(value: unknown): UserRef | null {
  const user = isRaw(at(value, 'data')) ? at(value, 'data') : value;
  const uri = text(at(user, 'uri')) ?? null;
  const name = str(at(user, 'name')) ?? text(at(user, 'displayName')) ?? text(at(user, 'username'));
  if (name === undefined && uri === null) return null;
  return { name: name ?? '', id: text(at(user, 'username')) ?? idFromUri(uri, 'user') ?? null, uri };
}

export function isExplicitLabel(value: unknown): boolean {
  return at(value, 'contentRating', 'label') === 'EXPLICIT' || list(at(value, 'contentRatingV2', 'labels')).includes('EXPLICIT');
}

export function totalMs(value: unknown): number {
  const ms = at(value, 'totalMilliseconds');
  return typeof ms === 'number' && ms >= 0 ? Math.round(ms) : 0;
}

/** Where a list came from and what it already holds, for merging in the embed's preview URLs. */
export type Previews = ReadonlyMap<string, string | null>;
export const NO_PREVIEWS: Previews = new Map();
