import { z } from 'zod';
import { ImageListSchema, entitySchema, type DeepReadonly } from './common.js';

/** A podcast show as search lists it: no episodes; `getShow(summary.uri)` has them. */
export const ShowSummarySchema = entitySchema('show', {
  publisher: z.string().nullable(),
  images: ImageListSchema,
});
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ShowSummary extends DeepReadonly<z.infer<typeof ShowSummarySchema>> {}
