import { z } from 'zod';
import type { DeepReadonly } from './common.js';

/** The state of the account of the cookie: its product and what it may do. */
export const AccountSchema = z.object({
  /** "premium", "free", "open", … as Spotify says. */
  product: z.string().min(1),
  premium: z.boolean(),
  country: z.string().nullable(),
  catalogue: z.string().nullable(),
  onDemand: z.boolean().nullable(),
  ads: z.boolean().nullable(),
  locale: z.string().nullable(),
});
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Account extends DeepReadonly<z.infer<typeof AccountSchema>> {}
