import { z } from 'zod';
import { AlbumRefSchema, ArtistRefSchema, ImageListSchema, entityBase, nullableCount, type DeepReadonly } from './common.js';

export const TrackSchema = z
  .object({
    ...entityBase('track'),
    durationMs: z.number().int().nonnegative(),
    explicit: z.boolean(),
    playable: z.boolean(),
    previewUrl: z.string().nullable(),
    artists: z.array(ArtistRefSchema),
    images: ImageListSchema,
    releaseDate: z.string().nullable(),
    album: AlbumRefSchema.nullable(),
    trackNumber: nullableCount,
    discNumber: nullableCount,
    playCount: nullableCount,
  })
;
export type Track = DeepReadonly<z.infer<typeof TrackSchema>>;
