import { z } from 'zod';
import { ArtistRefSchema, ImageListSchema, entityBase, sameIdentity, nullableCount, type DeepReadonly } from './common.js';

/**
 * An album as lists name it (search hits, an artist's discography, similar albums): a summary, not a
 * full `Album` — it has no track list. Fetch the album with `getAlbum(release.uri)` for that.
 */
export const ReleaseSchema = z.object({
  ...entityBase('album'),
  albumType: z.string().nullable(),
  artists: z.array(ArtistRefSchema),
  images: ImageListSchema,
  releaseDate: z.string().nullable(),
  totalTracks: nullableCount,
}).superRefine(sameIdentity);
export type Release = DeepReadonly<z.infer<typeof ReleaseSchema>>;
