import { z } from 'zod';

/**
 * What `Crawl.add` and the expansions write as a job's data. A job whose data is not this (written by
 * something else into the crawl's queue) fails at once with a clear error: it never crashes a worker.
 */
export const JobDataSchema = z
  .object({
    type: z.enum(['track', 'album', 'artist', 'playlist', 'episode', 'show']),
    id: z.string().regex(/^[0-9A-Za-z]{22}$/),
    /** Whether the entity's items become jobs too (a playlist's tracks, an artist's albums…). */
    expand: z.boolean(),
  })
  .strict();

export type JobData = z.infer<typeof JobDataSchema>;
