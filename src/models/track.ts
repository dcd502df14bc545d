import { z } from 'zod';
import { AlbumRefSchema, ArtistRefSchema, ImageListSchema, entityBase, nullableCount } from './common.js';

export const TrackSchema = z
  .object({
    ...entityBase('track'),
    durationMs: z.number().int().nonnegative(),
    explicit: z.boolean(),
    playable: z.boolean(),
    previewUrl: z.string().nullable(),
    artists: z.array(ArtistRefSchema).readonly(),
    images: ImageListSchema,
    releaseDate: z.string().nullable(),
    album: AlbumRefSchema.nullable(),
    trackNumber: nullableCount,
    discNumber: nullableCount,
    playCount: nullableCount,
  })
  .readonly();
export type Track = z.infer<typeof TrackSchema>;
