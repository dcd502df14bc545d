import { z } from 'zod';
import { ImageListSchema, ShowRefSchema, entityBase, type DeepReadonly } from './common.js';

export const EpisodeSchema = z
  .object({
    ...entityBase('episode'),
    description: z.string().nullable(),
    durationMs: z.number().int().nonnegative(),
    explicit: z.boolean(),
    playable: z.boolean(),
    releaseDate: z.string().nullable(),
    images: ImageListSchema,
    previewUrl: z.string().nullable(),
    hasVideo: z.boolean(),
    show: ShowRefSchema.nullable(),
  })
;
export type Episode = DeepReadonly<z.infer<typeof EpisodeSchema>>;
