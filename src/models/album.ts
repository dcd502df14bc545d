import { z } from 'zod';
import { ArtistRefSchema, ImageListSchema, entityBase, nullableCount } from './common.js';
import { TrackSchema } from './track.js';

export const AlbumSchema = z
  .object({
    ...entityBase('album'),
    albumType: z.string().nullable(),
    artists: z.array(ArtistRefSchema).readonly(),
    images: ImageListSchema,
    releaseDate: z.string().nullable(),
    label: z.string().nullable(),
    totalTracks: nullableCount,
    tracks: z.array(TrackSchema).readonly(),
    copyrights: z.array(z.string()).readonly(),
  })
  .readonly();
export type Album = z.infer<typeof AlbumSchema>;
