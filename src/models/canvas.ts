import { z } from 'zod';
import { SpotifyIdSchema, type DeepReadonly } from './common.js';

/** A track's Canvas: the looping video the app shows behind it (an mp4 on Spotify's media host). */
export const CanvasSchema = z.object({
  trackId: SpotifyIdSchema,
  id: z.string().min(1),
  uri: z.string().regex(/^spotify:canvas:\S+$/),
  url: z.string().regex(/^https:\/\//),
  /** Spotify's kind: "VIDEO_LOOPING_RANDOM", "VIDEO", "IMAGE", … */
  kind: z.string().min(1),
  fileId: z.string().nullable(),
});
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Canvas extends DeepReadonly<z.infer<typeof CanvasSchema>> {}
