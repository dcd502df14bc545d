import { z } from 'zod';
import { ImageListSchema, UserRefSchema, entityBase, sameIdentity, type DeepReadonly } from './common.js';

/** A playlist as search lists it: no items; `getPlaylist(summary.uri)` has them. */
export const PlaylistSummarySchema = z.object({
  ...entityBase('playlist'),
  description: z.string().nullable(),
  owner: UserRefSchema.nullable(),
  images: ImageListSchema,
}).superRefine(sameIdentity);
export type PlaylistSummary = DeepReadonly<z.infer<typeof PlaylistSummarySchema>>;
