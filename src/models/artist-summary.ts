import { z } from 'zod';
import { ImageListSchema, entityBase, checkIdentity, type DeepReadonly } from './common.js';

/** An artist as lists name it (search hits, related artists): `getArtist(summary.uri)` has the rest. */
export const ArtistSummarySchema = z
  .object({
    ...entityBase('artist'),
    images: ImageListSchema,
  })
  .superRefine((value, context) => checkIdentity('artist', value, context, 'required'));
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ArtistSummary extends DeepReadonly<z.infer<typeof ArtistSummarySchema>> {}
