import { z } from 'zod';
import { ArtistRefListSchema, ImageListSchema, entitySchema, nullableCount, type DeepReadonly } from './common.js';

/**
 * An album as lists name it (search hits, an artist's discography, similar albums): a summary, not a
 * full `Album` — it has no track list. Fetch the album with `getAlbum(release.uri)` for that.
 */
/** The fields an album and a release share, before those of their own. */
export const ALBUM_HEAD = {
  albumType: z.string().nullable(),
  artists: ArtistRefListSchema,
  images: ImageListSchema,
  releaseDate: z.string().nullable(),
};

export const ReleaseSchema = entitySchema('album', { ...ALBUM_HEAD, totalTracks: nullableCount });
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Release extends DeepReadonly<z.infer<typeof ReleaseSchema>> {}
