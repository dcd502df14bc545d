import { z } from 'zod';

/** A picture Spotify serves, with its size when Spotify states it. */
export const ImageSchema = z
  .object({
    url: z.string(),
    width: z.number().int().nonnegative().nullable(),
    height: z.number().int().nonnegative().nullable(),
  })
  .readonly();
export type Image = z.infer<typeof ImageSchema>;

export const ImageListSchema = z.array(ImageSchema).readonly();

/** An artist as a track or album names it. `id`/`uri` are null where the page gives only the name. */
export const ArtistRefSchema = z
  .object({
    name: z.string(),
    id: z.string().nullable(),
    uri: z.string().nullable(),
  })
  .readonly();
export type ArtistRef = z.infer<typeof ArtistRefSchema>;

/** The album a track belongs to. */
export const AlbumRefSchema = z
  .object({
    id: z.string(),
    uri: z.string(),
    name: z.string(),
    images: ImageListSchema,
  })
  .readonly();
export type AlbumRef = z.infer<typeof AlbumRefSchema>;

/** The show an episode belongs to. */
export const ShowRefSchema = z
  .object({
    id: z.string(),
    uri: z.string(),
    name: z.string(),
    publisher: z.string().nullable(),
    images: ImageListSchema,
  })
  .readonly();
export type ShowRef = z.infer<typeof ShowRefSchema>;

/** A Spotify user: a playlist's owner, or who added an item. */
export const UserRefSchema = z
  .object({
    name: z.string(),
    id: z.string().nullable(),
    uri: z.string().nullable(),
  })
  .readonly();
export type UserRef = z.infer<typeof UserRefSchema>;

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
