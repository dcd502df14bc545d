import { z } from 'zod';
import { ImageListSchema, UserRefSchema, entitySchema, type DeepReadonly } from './common.js';

/** A playlist as search lists it: no items; `getPlaylist(summary.uri)` has them. */
export const PlaylistSummarySchema = entitySchema('playlist', {
  description: z.string().nullable(),
  owner: UserRefSchema.nullable(),
  images: ImageListSchema,
});
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface PlaylistSummary extends DeepReadonly<z.infer<typeof PlaylistSummarySchema>> {}
