import { z } from 'zod';

/**
 * Models are plain data: readonly all the way down in their types, so TypeScript stops accidental
 * mutation of a shared result without a runtime freeze on every object of every page. Each model is a
 * named interface over its schema's type (`interface Track extends DeepReadonly<…> {}`), so editors
 * and the API reference show `Track` rather than the expanded object.
 */
export type DeepReadonly<T> =
  T extends ReadonlyArray<infer U>
    ? ReadonlyArray<DeepReadonly<U>>
    : T extends object
      ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
      : T;

// Validation runs on every model of every page, so the checks below are whole-object refinements in
// plain code (one call per object or list) rather than a regex check per field: same rules, a fraction
// of the cost on a 100-row playlist.

const SPOTIFY_ID = /^[0-9A-Za-z]{22}$/;

/** 22 letters and digits, by character codes (a regex per row was a tenth of the parse time). */
export function isSpotifyId(value: string): boolean {
  if (value.length !== 22) return false;
  for (let index = 0; index < 22; index += 1) {
    const code = value.charCodeAt(index);
    if (!((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122))) return false;
  }
  return true;
}

/** `text` is exactly `prefix + id`, compared without building the string. */
function isPrefixed(text: string, prefix: string, id: string): boolean {
  return text.length === prefix.length + id.length && text.endsWith(id) && text.startsWith(prefix);
}

type Context = z.core.$RefinementCtx;
type Path = Array<string | number>;

function issue(context: Context, path: Path, message: string): void {
  context.addIssue({ code: 'custom', path, message });
}

/** An issue at `path` (+ `index`) + `key`; the path array is built only here, when there is an issue. */
function issueAt(context: Context, path: Path, index: number | undefined, key: string, message: string): void {
  issue(context, index === undefined ? [...path, key] : [...path, index, key], message);
}

/** A Spotify id: 22 letters and digits (base62). */
export const SpotifyIdSchema = z.string().regex(SPOTIFY_ID, 'a Spotify id is 22 letters and digits');

/** Text that must say something: a name, a title. */
export const NonEmptyString = z.string().min(1, 'must not be empty');

/** The shapes below carry types only; their rules are the `check…` functions, run by the schema that holds them. */
export const ImageShape = z.object({ url: z.string(), width: z.number().nullable(), height: z.number().nullable() });

// Paths are built only when there is an issue: these run for every image and artist of every page.
export function checkImage(image: z.infer<typeof ImageShape>, context: Context, path: Path, index?: number): void {
  if (!image.url.startsWith('https://') && !image.url.startsWith('http://'))
    issueAt(context, path, index, 'url', 'an http(s) URL');
  if (image.width !== null && !(Number.isSafeInteger(image.width) && image.width >= 0))
    issueAt(context, path, index, 'width', 'a whole number >= 0 or null');
  if (image.height !== null && !(Number.isSafeInteger(image.height) && image.height >= 0))
    issueAt(context, path, index, 'height', 'a whole number >= 0 or null');
}

/** A picture Spotify serves, with its size when Spotify states it. */
export const ImageSchema = ImageShape.superRefine((image, context) => checkImage(image, context, []));
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Image extends DeepReadonly<z.infer<typeof ImageSchema>> {}

export function checkImages(images: ReadonlyArray<z.infer<typeof ImageShape>>, context: Context, path: Path): void {
  for (let index = 0; index < images.length; index += 1)
    checkImage(images[index] as z.infer<typeof ImageShape>, context, path, index);
}

export const ImageListSchema = z.array(ImageShape).superRefine((images, context) => checkImages(images, context, []));

export const ArtistRefShape = z.object({ name: z.string(), id: z.string().nullable(), uri: z.string().nullable() });

function checkArtistRef(artist: z.infer<typeof ArtistRefShape>, context: Context, path: Path, index?: number): void {
  if (artist.name === '') issueAt(context, path, index, 'name', 'must not be empty');
  if (artist.id !== null && !isSpotifyId(artist.id))
    issueAt(context, path, index, 'id', 'a Spotify id is 22 letters and digits');
  const uriMatches =
    artist.id === null
      ? artist.uri === null
      : artist.uri !== null && isPrefixed(artist.uri, 'spotify:artist:', artist.id);
  if (!uriMatches) issueAt(context, path, index, 'uri', 'the spotify:artist: URI of the id, or null with it');
}

/** An artist as a track or album names it. `id`/`uri` are null where the page gives only the name. */
export const ArtistRefSchema = ArtistRefShape.superRefine((artist, context) => checkArtistRef(artist, context, []));
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ArtistRef extends DeepReadonly<z.infer<typeof ArtistRefSchema>> {}

export function checkArtists(
  artists: ReadonlyArray<z.infer<typeof ArtistRefShape>>,
  context: Context,
  path: Path,
): void {
  for (let index = 0; index < artists.length; index += 1)
    checkArtistRef(artists[index] as z.infer<typeof ArtistRefShape>, context, path, index);
}

export const ArtistRefListSchema = z
  .array(ArtistRefShape)
  .superRefine((artists, context) => checkArtists(artists, context, []));

export const AlbumRefShape = z.object({
  id: z.string(),
  uri: z.string(),
  name: z.string(),
  images: z.array(ImageShape),
});

const IMAGES: Path = ['images'];

/** An album or show reference: identity, name and pictures. */
export function checkRef(
  type: 'album' | 'show',
  ref: { id: string; uri: string; name: string; images: ReadonlyArray<z.infer<typeof ImageShape>> },
  context: Context,
  path: Path,
): void {
  checkIdentity(type, ref, context, 'required', path);
  checkImages(ref.images, context, path.length === 0 ? IMAGES : [...path, 'images']);
}

/** The album a track belongs to. */
export const AlbumRefSchema = AlbumRefShape.superRefine((album, context) => checkRef('album', album, context, []));
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface AlbumRef extends DeepReadonly<z.infer<typeof AlbumRefSchema>> {}

export const ShowRefShape = z.object({
  id: z.string(),
  uri: z.string(),
  name: z.string(),
  publisher: z.string().nullable(),
  images: z.array(ImageShape),
});

/** The show an episode belongs to. */
export const ShowRefSchema = ShowRefShape.superRefine((show, context) => checkRef('show', show, context, []));
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ShowRef extends DeepReadonly<z.infer<typeof ShowRefSchema>> {}

/** A Spotify user: a playlist's owner, or who added an item. */
export const UserRefSchema = z.object({
  name: NonEmptyString,
  id: z.string().min(1).nullable(),
  uri: z
    .string()
    .regex(/^spotify:user:\S+$/, 'a spotify:user: URI')
    .nullable(),
});
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface UserRef extends DeepReadonly<z.infer<typeof UserRefSchema>> {}

/**
 * The fields every top-level entity has: `type`, `id`, `uri`, `url`, `name`. Their rules (a
 * 22-character id, the uri and url of that id, a name that says something) are checked by
 * `checkIdentity`, which each entity schema adds as its refinement.
 */
export function entityBase<T extends string>(type: T) {
  return { type: z.literal(type), id: z.string(), uri: z.string(), url: z.string(), name: z.string() };
}

/**
 * A top-level model (or a summary of one) of `type`: `type`, `id`, `uri`, `url` and `name`, then
 * `fields`, with its identity checked (a 22-character id, the uri and url of it, a name).
 */
export function entitySchema<T extends IdentityType, F extends z.ZodRawShape>(type: T, fields: F) {
  return z
    .object({ ...entityBase(type), ...fields })
    .superRefine((value, context) =>
      checkIdentity(type, value as Parameters<typeof checkIdentity>[1], context, 'required'),
    );
}

/**
 * A 22-character id, with the uri (and url, when the object has one) of that id and a name.
 * `name: 'unless-unplayable'` lets items Spotify lists but cannot play go without one.
 */
type IdentityType = 'track' | 'album' | 'artist' | 'playlist' | 'episode' | 'show';
const URI_PREFIX: Record<IdentityType, string> = {
  track: 'spotify:track:',
  album: 'spotify:album:',
  artist: 'spotify:artist:',
  playlist: 'spotify:playlist:',
  episode: 'spotify:episode:',
  show: 'spotify:show:',
};
const URL_PREFIX = Object.fromEntries(
  Object.keys(URI_PREFIX).map((type) => [type, `https://open.spotify.com/${type}/`]),
) as Record<IdentityType, string>;

export function checkIdentity(
  type: IdentityType,
  value: { id: string; uri: string; url?: string; name: string; playable?: boolean },
  context: Context,
  name: 'required' | 'unless-unplayable',
  path: Path = [],
): void {
  if (!isSpotifyId(value.id)) issueAt(context, path, undefined, 'id', 'a Spotify id is 22 letters and digits');
  if (!isPrefixed(value.uri, URI_PREFIX[type], value.id))
    issueAt(context, path, undefined, 'uri', `the spotify:${type}: URI of the id`);
  if (value.url !== undefined && !isPrefixed(value.url, URL_PREFIX[type], value.id))
    issueAt(context, path, undefined, 'url', `the open.spotify.com/${type}/ URL of the id`);
  if (value.name === '' && (name === 'required' || value.playable !== false))
    issueAt(context, path, undefined, 'name', 'must not be empty');
}

/** A count that is a whole number >= 0 (or null where allowed). */
export function checkCount(value: number | null, context: Context, path: Path): void {
  if (value !== null && !(Number.isSafeInteger(value) && value >= 0)) issue(context, path, 'a whole number >= 0');
}

export const nullableCount = z.number().int().nonnegative().nullable();
