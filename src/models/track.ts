import { z } from 'zod';
import { AlbumRefSchema, ArtistRefSchema, ImageListSchema, entityBase, nullableCount, playableHasName, sameIdentity, type DeepReadonly } from './common.js';

export const TrackSchema = z
  .object({
    ...entityBase('track'),
    // Relaxed for items Spotify lists but cannot play (country-restricted rows have no title).
    name: z.string(),
    durationMs: z.number().int().nonnegative(),
    explicit: z.boolean(),
    playable: z.boolean(),
    previewUrl: z.string().nullable(),
    artists: z.array(ArtistRefSchema),
    images: ImageListSchema,
    releaseDate: z.string().nullable(),
    album: AlbumRefSchema.nullable(),
    trackNumber: nullableCount,
    discNumber: nullableCount,
    playCount: nullableCount,
  })
  .superRefine((track, context) => {
    sameIdentity(track, context);
    playableHasName(track, context);
    if (track.playable && track.artists.length === 0) context.addIssue({ code: 'custom', path: ['artists'], message: 'a playable track must have an artist' });
  });
export type Track = DeepReadonly<z.infer<typeof TrackSchema>>;
