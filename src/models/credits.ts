import { z } from 'zod';
import { SpotifyIdSchema, type DeepReadonly } from './common.js';

/** Someone credited on a track, with what they did in this role group. */
export const CreditedArtistSchema = z.object({
  name: z.string().min(1),
  id: SpotifyIdSchema.nullable(),
  uri: z
    .string()
    .regex(/^spotify:artist:[0-9A-Za-z]{22}$/)
    .nullable(),
  imageUrl: z.string().nullable(),
  /** Their roles in the group: "composer", "lyricist", "producer", … */
  subroles: z.array(z.string()),
});

/** A track's credits, grouped as Spotify groups them ("Performers", "Writers", "Producers", …). */
export const CreditsSchema = z.object({
  trackId: SpotifyIdSchema,
  trackName: z.string().nullable(),
  roles: z.array(z.object({ role: z.string().min(1), artists: z.array(CreditedArtistSchema) })),
  /** Who delivered the credits ("Olivia Rodrigo PS"). */
  sources: z.array(z.string()),
});
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Credits extends DeepReadonly<z.infer<typeof CreditsSchema>> {}
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface CreditedArtist extends DeepReadonly<z.infer<typeof CreditedArtistSchema>> {}
