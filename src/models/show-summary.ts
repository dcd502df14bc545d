import { z } from 'zod';
import { ImageListSchema, entityBase, sameIdentity, type DeepReadonly } from './common.js';

/** A podcast show as search lists it: no episodes; `getShow(summary.uri)` has them. */
export const ShowSummarySchema = z.object({
  ...entityBase('show'),
  publisher: z.string().nullable(),
  images: ImageListSchema,
}).superRefine(sameIdentity);
export type ShowSummary = DeepReadonly<z.infer<typeof ShowSummarySchema>>;
