import { z } from 'zod';
import {
  ArtistRefListSchema,
  ImageListSchema,
  entityBase,
  checkIdentity,
  nullableCount,
  type DeepReadonly,
} from './common.js';
import { TrackSchema } from './track.js';

export const AlbumSchema = z
  .object({
    ...entityBase('album'),
    albumType: z.string().nullable(),
    artists: ArtistRefListSchema,
    images: ImageListSchema,
    releaseDate: z.string().nullable(),
    label: z.string().nullable(),
    totalTracks: nullableCount,
    tracks: z.array(TrackSchema),
    copyrights: z.array(z.string()),
  })
  .superRefine((value, context) => checkIdentity('album', value, context, 'required'));
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Album extends DeepReadonly<z.infer<typeof AlbumSchema>> {}
