import { z } from 'zod';
import { ImageListSchema, UserRefSchema, entityBase, checkIdentity, type DeepReadonly } from './common.js';

/** A playlist as search lists it: no items; `getPlaylist(summary.uri)` has them. */
export const PlaylistSummarySchema = z
  .object({
    ...entityBase('playlist'),
    description: z.string().nullable(),
    owner: UserRefSchema.nullable(),
    images: ImageListSchema,
  })
  .superRefine((value, context) => checkIdentity('playlist', value, context, 'required'));
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface PlaylistSummary extends DeepReadonly<z.infer<typeof PlaylistSummarySchema>> {}
