import { z } from 'zod';
import { ImageShape, checkIdentity, checkImages, entityBase, type DeepReadonly } from './common.js';

/**
 * A podcast episode as a list operation describes it (`getEpisodes(…, { detail: 'summary' })`): what
 * the answer carried, null where it did not (`getEpisode(summary.uri)` has the rest). Its show is the
 * answer's `podcastV2` (its name and publisher when given).
 */
export const EpisodeSummarySchema = z
  .object({
    ...entityBase('episode'),
    description: z.string().nullable(),
    durationMs: z.number().nullable(),
    explicit: z.boolean().nullable(),
    playable: z.boolean().nullable(),
    releaseDate: z.string().nullable(),
    images: z.array(ImageShape),
    previewUrl: z.string().nullable(),
    show: z
      .object({ id: z.string(), uri: z.string(), name: z.string().nullable(), publisher: z.string().nullable() })
      .nullable(),
  })
  .superRefine((episode, context) => {
    checkIdentity('episode', { ...episode, playable: episode.playable ?? true }, context, 'unless-unplayable');
    checkImages(episode.images, context, ['images']);
  });
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface EpisodeSummary extends DeepReadonly<z.infer<typeof EpisodeSummarySchema>> {}
