import { z } from 'zod';
import { ImageListSchema, entityBase, nullableCount, type DeepReadonly } from './common.js';
import { EpisodeSchema } from './episode.js';

export const ShowSchema = z
  .object({
    ...entityBase('show'),
    description: z.string().nullable(),
    publisher: z.string().nullable(),
    mediaType: z.string().nullable(),
    images: ImageListSchema,
    totalEpisodes: nullableCount,
    episodes: z.array(EpisodeSchema),
  })
;
export type Show = DeepReadonly<z.infer<typeof ShowSchema>>;
