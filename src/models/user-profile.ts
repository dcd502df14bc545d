import { z } from 'zod';
import { ImageListSchema, type DeepReadonly } from './common.js';
import { PlaylistSummarySchema } from './playlist-summary.js';
import { entityUri } from './entities.js';

/** A Spotify user id: not a 22-character id (`spotify`, `smedjan`, long digits). */
export const USER_ID = /^[A-Za-z0-9._-]{1,128}$/;

/** A user's public profile (SPEC §10). */
export const UserProfileSchema = z
  .object({
    type: z.literal('user'),
    id: z.string().regex(USER_ID),
    uri: z.string(),
    url: z.string(),
    name: z.string().min(1),
    images: ImageListSchema,
    followers: z.number().int().nonnegative().nullable(),
    following: z.number().int().nonnegative().nullable(),
    verified: z.boolean().nullable(),
    playlists: z.array(PlaylistSummarySchema),
    playlistsTotal: z.number().int().nonnegative().nullable(),
  })
  .superRefine((user, context) => {
    if (user.uri !== entityUri('user', user.id))
      context.addIssue({ code: 'custom', path: ['uri'], message: 'the spotify:user: URI of the id' });
    if (user.url !== `https://open.spotify.com/user/${encodeURIComponent(user.id)}`)
      context.addIssue({ code: 'custom', path: ['url'], message: 'the open.spotify.com/user/ URL of the id' });
  });
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface UserProfile extends DeepReadonly<z.infer<typeof UserProfileSchema>> {}
