import { z } from 'zod';
import {
  ImageShape,
  ShowRefShape,
  checkCount,
  checkIdentity,
  checkImages,
  checkRef,
  entityBase,
  type DeepReadonly,
} from './common.js';

/** An episode; like a track, its rules are one refinement over the whole object. */
const P = { images: ['images'], show: ['show'], durationMs: ['durationMs'] };

export const EpisodeSchema = z
  .object({
    ...entityBase('episode'),
    description: z.string().nullable(),
    durationMs: z.number(),
    explicit: z.boolean(),
    playable: z.boolean(),
    releaseDate: z.string().nullable(),
    images: z.array(ImageShape),
    previewUrl: z.string().nullable(),
    hasVideo: z.boolean(),
    show: ShowRefShape.nullable(),
  })
  .superRefine((episode, context) => {
    checkIdentity('episode', episode, context, 'unless-unplayable');
    checkImages(episode.images, context, P.images);
    if (episode.show !== null) checkRef('show', episode.show, context, P.show);
    checkCount(episode.durationMs, context, P.durationMs);
  });
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Episode extends DeepReadonly<z.infer<typeof EpisodeSchema>> {}
