import { z } from 'zod';

/**
 * Models are plain data: readonly all the way down in their types, so TypeScript stops accidental
 * mutation of a shared result without a runtime freeze on every object of every page.
 */
export type DeepReadonly<T> = T extends ReadonlyArray<infer U>
  ? ReadonlyArray<DeepReadonly<U>>
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

/** A Spotify id: 22 letters and digits (base62). */
export const SpotifyIdSchema = z.string().regex(/^[0-9A-Za-z]{22}$/, 'a Spotify id is 22 letters and digits');

/** `spotify:TYPE:ID` with a 22-character id. */
export function uriSchema(type: string) {
  return z.string().regex(new RegExp(`^spotify:${type}:[0-9A-Za-z]{22}$`), `a spotify:${type}: URI`);
}

/** Text that must say something: a name, a title. */
export const NonEmptyString = z.string().min(1, 'must not be empty');

/** A picture Spotify serves, with its size when Spotify states it. */
export const ImageSchema = z.object({
  url: z.string().regex(/^https?:\/\/\S+$/, 'an http(s) URL'),
  width: z.number().int().nonnegative().nullable(),
  height: z.number().int().nonnegative().nullable(),
});
export type Image = DeepReadonly<z.infer<typeof ImageSchema>>;

export const ImageListSchema = z.array(ImageSchema);

/** An artist as a track or album names it. `id`/`uri` are null where the page gives only the name. */
export const ArtistRefSchema = z.object({
  name: NonEmptyString,
  id: SpotifyIdSchema.nullable(),
  uri: uriSchema('artist').nullable(),
});
export type ArtistRef = DeepReadonly<z.infer<typeof ArtistRefSchema>>;

/** The album a track belongs to. */
export const AlbumRefSchema = z.object({
  id: SpotifyIdSchema,
  uri: uriSchema('album'),
  name: NonEmptyString,
  images: ImageListSchema,
});
export type AlbumRef = DeepReadonly<z.infer<typeof AlbumRefSchema>>;

/** The show an episode belongs to. */
export const ShowRefSchema = z.object({
  id: SpotifyIdSchema,
  uri: uriSchema('show'),
  name: NonEmptyString,
  publisher: z.string().nullable(),
  images: ImageListSchema,
});
export type ShowRef = DeepReadonly<z.infer<typeof ShowRefSchema>>;

/** A Spotify user: a playlist's owner, or who added an item. */
export const UserRefSchema = z.object({
  name: NonEmptyString,
  id: z.string().min(1).nullable(),
  uri: z.string().regex(/^spotify:user:\S+$/, 'a spotify:user: URI').nullable(),
});
export type UserRef = DeepReadonly<z.infer<typeof UserRefSchema>>;

/**
 * The fields every top-level entity has: `type`, a 22-character `id`, the `uri` and `url` made of
 * them, and a `name` that says something. (Tracks and episodes Spotify lists but cannot play may have
 * an empty name: their schemas relax it for `playable: false` only.)
 */
export function entityBase<T extends string>(type: T) {
  return {
    type: z.literal(type),
    id: SpotifyIdSchema,
    uri: uriSchema(type),
    url: z.string().regex(new RegExp(`^https://open\\.spotify\\.com/${type}/[0-9A-Za-z]{22}$`), `an open.spotify.com/${type}/ URL`),
    name: NonEmptyString,
  };
}

/** The uri and url are those of the id (a check of the whole object, added to each entity schema). */
export function sameIdentity(value: { type: string; id: string; uri: string; url: string }, context: z.core.$RefinementCtx): void {
  if (value.uri !== `spotify:${value.type}:${value.id}`) context.addIssue({ code: 'custom', path: ['uri'], message: `is not the uri of id ${value.id}` });
  if (value.url !== `https://open.spotify.com/${value.type}/${value.id}`) context.addIssue({ code: 'custom', path: ['url'], message: `is not the url of id ${value.id}` });
}

/** A playable track or episode has a name (only items Spotify cannot play may come without one). */
export function playableHasName(value: { playable: boolean; name: string }, context: z.core.$RefinementCtx): void {
  if (value.playable && value.name === '') context.addIssue({ code: 'custom', path: ['name'], message: 'a playable item must have a name' });
}

export const nullableCount = z.number().int().nonnegative().nullable();
