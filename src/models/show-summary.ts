import { z } from 'zod';
import { ImageListSchema, entityBase, checkIdentity, type DeepReadonly } from './common.js';

/** A podcast show as search lists it: no episodes; `getShow(summary.uri)` has them. */
export const ShowSummarySchema = z
  .object({
    ...entityBase('show'),
    publisher: z.string().nullable(),
    images: ImageListSchema,
  })
  .superRefine((value, context) => checkIdentity('show', value, context, 'required'));
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ShowSummary extends DeepReadonly<z.infer<typeof ShowSummarySchema>> {}
