import { type z } from 'zod';
import { ImageListSchema, entitySchema, type DeepReadonly } from './common.js';

/** An artist as lists name it (search hits, related artists): `getArtist(summary.uri)` has the rest. */
export const ArtistSummarySchema = entitySchema('artist', {
  images: ImageListSchema,
});
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ArtistSummary extends DeepReadonly<z.infer<typeof ArtistSummarySchema>> {}
