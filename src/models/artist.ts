import { z } from 'zod';
import { ImageListSchema, entityBase, sameIdentity, nullableCount, type DeepReadonly } from './common.js';
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
  .superRefine(sameIdentity);
export type Artist = DeepReadonly<z.infer<typeof ArtistSchema>>;
