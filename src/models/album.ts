import { z } from 'zod';
import { entitySchema, nullableCount, type DeepReadonly } from './common.js';
import { ALBUM_HEAD } from './release.js';
import { TrackSchema } from './track.js';

export const AlbumSchema = entitySchema('album', {
  ...ALBUM_HEAD,
  label: z.string().nullable(),
  totalTracks: nullableCount,
  tracks: z.array(TrackSchema),
  copyrights: z.array(z.string()),
});
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Album extends DeepReadonly<z.infer<typeof AlbumSchema>> {}
