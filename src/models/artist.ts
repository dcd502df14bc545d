import { z } from 'zod';
import { ImageListSchema, entityBase, checkIdentity, nullableCount, type DeepReadonly } from './common.js';
import { TrackSchema } from './track.js';

export const ArtistSchema = z
  .object({
    ...entityBase('artist'),
    images: ImageListSchema,
    biography: z.string().nullable(),
    followers: nullableCount,
    monthlyListeners: nullableCount,
    worldRank: nullableCount,
    topTracks: z.array(TrackSchema),
  })
  .superRefine((value, context) => checkIdentity('artist', value, context, 'required'));
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Artist extends DeepReadonly<z.infer<typeof ArtistSchema>> {}
