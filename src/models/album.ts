import { z } from 'zod';
import { ArtistRefSchema, ImageListSchema, entityBase, sameIdentity, nullableCount, type DeepReadonly } from './common.js';
import { TrackSchema } from './track.js';

export const AlbumSchema = z
  .object({
    ...entityBase('album'),
    albumType: z.string().nullable(),
    artists: z.array(ArtistRefSchema),
    images: ImageListSchema,
    releaseDate: z.string().nullable(),
    label: z.string().nullable(),
    totalTracks: nullableCount,
    tracks: z.array(TrackSchema),
    copyrights: z.array(z.string()),
  })
  .superRefine(sameIdentity);
export type Album = DeepReadonly<z.infer<typeof AlbumSchema>>;
