import { z } from 'zod';
import { ImageListSchema, UserRefSchema, entitySchema, nullableCount, type DeepReadonly } from './common.js';
import { EpisodeSchema } from './episode.js';
import { TrackSchema } from './track.js';

/** One row of a playlist: playlists may hold podcast episodes as well as tracks. */
export const PlaylistItemSchema = z.object({
  track: z.discriminatedUnion('type', [TrackSchema, EpisodeSchema]),
  addedAt: z.string().nullable(),
  addedBy: UserRefSchema.nullable(),
});
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface PlaylistItem extends DeepReadonly<z.infer<typeof PlaylistItemSchema>> {}

export const PlaylistSchema = entitySchema('playlist', {
  description: z.string().nullable(),
  owner: UserRefSchema.nullable(),
  followers: nullableCount,
  images: ImageListSchema,
  totalTracks: nullableCount,
  tracks: z.array(PlaylistItemSchema),
});
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Playlist extends DeepReadonly<z.infer<typeof PlaylistSchema>> {}
