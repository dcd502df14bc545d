import { z } from 'zod';
import { ImageListSchema, entitySchema, nullableCount, type DeepReadonly } from './common.js';
import { EpisodeSchema } from './episode.js';

export const ShowSchema = entitySchema('show', {
  description: z.string().nullable(),
  publisher: z.string().nullable(),
  mediaType: z.string().nullable(),
  images: ImageListSchema,
  totalEpisodes: nullableCount,
  episodes: z.array(EpisodeSchema),
});
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Show extends DeepReadonly<z.infer<typeof ShowSchema>> {}
