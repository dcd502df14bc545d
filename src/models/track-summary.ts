import { z } from 'zod';
import {
  AlbumRefShape,
  ArtistRefShape,
  ImageShape,
  checkArtists,
  checkCount,
  checkIdentity,
  checkImages,
  checkRef,
  entityBase,
  type DeepReadonly,
} from './common.js';

const P = { artists: ['artists'], images: ['images'], album: ['album'], durationMs: ['durationMs'] };

/**
 * A track as a list operation describes it (`getTracks(…, { detail: 'summary' })`, recommendations):
 * name, artists, duration, album and cover, preview. Not a `Track` with nulls: it has no play count,
 * track or disc number or release date, and `explicit` / `playable` are null when the answer did not
 * say. `getTrack(summary.uri)` has the rest.
 */
export const TrackSummarySchema = z
  .object({
    ...entityBase('track'),
    durationMs: z.number(),
    explicit: z.boolean().nullable(),
    playable: z.boolean().nullable(),
    previewUrl: z.string().nullable(),
    artists: z.array(ArtistRefShape),
    images: z.array(ImageShape),
    album: AlbumRefShape.nullable(),
  })
  .superRefine((track, context) => {
    checkIdentity('track', { ...track, playable: track.playable ?? true }, context, 'unless-unplayable');
    checkArtists(track.artists, context, P.artists);
    checkImages(track.images, context, P.images);
    if (track.album !== null) checkRef('album', track.album, context, P.album);
    checkCount(track.durationMs, context, P.durationMs);
  });
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface TrackSummary extends DeepReadonly<z.infer<typeof TrackSummarySchema>> {}
