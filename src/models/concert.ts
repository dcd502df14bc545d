import { z } from 'zod';
import { ArtistRefListSchema, SpotifyIdSchema, type DeepReadonly } from './common.js';

/** A concert Spotify lists for an artist. `startDate` is ISO-8601 with the venue's offset, as given. */
export const ConcertSchema = z.object({
  id: SpotifyIdSchema,
  uri: z.string().regex(/^spotify:concert:[0-9A-Za-z]{22}$/),
  title: z.string().min(1),
  startDate: z.string().nullable(),
  city: z.string().nullable(),
  venue: z.string().nullable(),
  artists: ArtistRefListSchema,
});
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Concert extends DeepReadonly<z.infer<typeof ConcertSchema>> {}
