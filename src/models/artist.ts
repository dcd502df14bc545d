import { z } from 'zod';
import { ImageListSchema, entitySchema, nullableCount, type DeepReadonly } from './common.js';
import { TrackSchema } from './track.js';

export const ArtistSchema = entitySchema('artist', {
  images: ImageListSchema,
  biography: z.string().nullable(),
  followers: nullableCount,
  monthlyListeners: nullableCount,
  worldRank: nullableCount,
  topTracks: z.array(TrackSchema),
});
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Artist extends DeepReadonly<z.infer<typeof ArtistSchema>> {}
