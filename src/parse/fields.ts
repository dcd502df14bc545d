import { isSpotifyId, type ArtistRef } from '../models/common.js';
import { entityUri, entityUrl, type EntityType } from '../models/entities.js';
import { at, bool, isRaw, list, num, text } from './raw.js';

export { entityUri, entityUrl };

/** The identity of an entity of `type`: `{ type, id, uri, url }` (for an entity's own page; rows write theirs out). */
export function identity<T extends EntityType>(type: T, id: string): { type: T; id: string; uri: string; url: string } {
  return { type, id, uri: entityUri(type, id), url: entityUrl(type, id) };
}

/** A 22-character base62 id, or undefined. */
export function spotifyId(value: unknown): string | undefined {
  return typeof value === 'string' && isSpotifyId(value) ? value : undefined;
}

/** The 22-character id of a `spotify:TYPE:ID` uri of that type, or undefined (local files, other types, junk). */
export function entityIdFromUri(uri: unknown, type: string): string | undefined {
  return spotifyId(idFromUri(uri, type));
}

/** `spotify:TYPE:ID` -> ID, or undefined when the URI is not of that type. */
export function idFromUri(uri: unknown, type?: string): string | undefined {
  if (typeof uri !== 'string' || !uri.startsWith('spotify:')) return undefined;
  const typeEnd = uri.indexOf(':', 8);
  if (typeEnd < 0) return undefined;
  if (type !== undefined && (typeEnd - 8 !== type.length || !uri.startsWith(type, 8))) return undefined;
  // Local files (spotify:local:artist:album:title:seconds) keep their whole tail as the id.
  const id = uri.slice(typeEnd + 1);
  return id === '' ? undefined : id;
}

/** The display name: embeds use `title`, the partner API and older embeds `name`. Empty is none. */
export function readName(raw: unknown): string | undefined {
  return text(at(raw, 'title')) ?? text(at(raw, 'name'));
}

export function readExplicit(raw: unknown): boolean {
  if (bool(at(raw, 'isExplicit')) === true || bool(at(raw, 'explicit')) === true) return true;
  return list(at(raw, 'contentRatings', 'labels')).includes('EXPLICIT');
}

export function readPlayable(raw: unknown): boolean {
  return bool(at(raw, 'isPlayable')) ?? true;
}

export function readDurationMs(raw: unknown): number {
  const ms = num(at(raw, 'duration')) ?? num(at(raw, 'duration_ms'));
  return ms !== undefined && ms >= 0 ? Math.round(ms) : 0;
}

export function readPreviewUrl(raw: unknown): string | null {
  return text(at(raw, 'audioPreview', 'url')) ?? text(at(raw, 'preview_url')) ?? null;
}

export function readReleaseDate(raw: unknown): string | null {
  const date = at(raw, 'releaseDate');
  return text(at(date, 'isoString')) ?? text(date) ?? null;
}

/** Artist names joined by ",\u00a0" (comma + no-break space) or ", " in a row's subtitle. */
export function splitArtistNames(subtitle: unknown): ArtistRef[] {
  const value = text(subtitle);
  if (value === undefined) return [];
  if (!value.includes(',')) return [{ name: value.trim(), id: null, uri: null }];
  return value
    .split(/,[\u00a0 ]/)
    .map((name) => name.trim())
    .filter((name) => name !== '')
    .map((name) => ({ name, id: null, uri: null }));
}

/** `artists[] {name, uri}` when present, else the names in `subtitle`. */
export function readArtists(raw: unknown): ArtistRef[] {
  const artists: ArtistRef[] = [];
  for (const item of list(at(raw, 'artists'))) {
    if (!isRaw(item)) continue;
    const name = text(item['name'])?.trim();
    if (name === undefined || name === '') continue;
    const id = entityIdFromUri(item['uri'], 'artist') ?? null;
    artists.push({ name, id, uri: id === null ? null : entityUri('artist', id) });
  }
  return artists.length > 0 ? artists : splitArtistNames(at(raw, 'subtitle'));
}
