import { z } from 'zod';
import { ImageListSchema, ShowRefSchema, entityBase, playableHasName, sameIdentity, type DeepReadonly } from './common.js';

export const EpisodeSchema = z
  .object({
    ...entityBase('episode'),
    // Relaxed for items Spotify lists but cannot play.
    name: z.string(),
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
  .superRefine((episode, context) => {
    sameIdentity(episode, context);
    playableHasName(episode, context);
  });
export type Episode = DeepReadonly<z.infer<typeof EpisodeSchema>>;
