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

/** A picture Spotify serves, with its size when Spotify states it. */
export const ImageSchema = z
  .object({
    url: z.string(),
    width: z.number().int().nonnegative().nullable(),
    height: z.number().int().nonnegative().nullable(),
  })
;
export type Image = DeepReadonly<z.infer<typeof ImageSchema>>;

export const ImageListSchema = z.array(ImageSchema);

/** An artist as a track or album names it. `id`/`uri` are null where the page gives only the name. */
export const ArtistRefSchema = z
  .object({
    name: z.string(),
    id: z.string().nullable(),
    uri: z.string().nullable(),
  })
;
export type ArtistRef = DeepReadonly<z.infer<typeof ArtistRefSchema>>;

/** The album a track belongs to. */
export const AlbumRefSchema = z
  .object({
    id: z.string(),
    uri: z.string(),
    name: z.string(),
    images: ImageListSchema,
  })
;
export type AlbumRef = DeepReadonly<z.infer<typeof AlbumRefSchema>>;

/** The show an episode belongs to. */
export const ShowRefSchema = z
  .object({
    id: z.string(),
    uri: z.string(),
    name: z.string(),
    publisher: z.string().nullable(),
    images: ImageListSchema,
  })
;
export type ShowRef = DeepReadonly<z.infer<typeof ShowRefSchema>>;

/** A Spotify user: a playlist's owner, or who added an item. */
export const UserRefSchema = z
  .object({
    name: z.string(),
    id: z.string().nullable(),
    uri: z.string().nullable(),
  })
;
export type UserRef = DeepReadonly<z.infer<typeof UserRefSchema>>;

/** The fields every top-level entity has. */
export function entityBase<T extends string>(type: T) {
  return {
    type: z.literal(type),
    id: z.string(),
    uri: z.string(),
    url: z.string(),
    name: z.string(),
  };
}

export const nullableCount = z.number().int().nonnegative().nullable();
