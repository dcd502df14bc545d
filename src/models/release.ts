import { z } from 'zod';
import {
  ArtistRefListSchema,
  ImageListSchema,
  entityBase,
  checkIdentity,
  nullableCount,
  type DeepReadonly,
} from './common.js';

/**
 * An album as lists name it (search hits, an artist's discography, similar albums): a summary, not a
 * full `Album` — it has no track list. Fetch the album with `getAlbum(release.uri)` for that.
 */
export const ReleaseSchema = z
  .object({
    ...entityBase('album'),
    albumType: z.string().nullable(),
    artists: ArtistRefListSchema,
    images: ImageListSchema,
    releaseDate: z.string().nullable(),
    totalTracks: nullableCount,
  })
  .superRefine((value, context) => checkIdentity('album', value, context, 'required'));
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Release extends DeepReadonly<z.infer<typeof ReleaseSchema>> {}
