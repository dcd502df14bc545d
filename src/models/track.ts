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

/**
 * A track. Its rules are one refinement over the whole object (the hot path validates a hundred of
 * these per playlist page): identity, a name and an artist unless Spotify cannot play it, valid
 * artist, album and image references, whole-number counts.
 */
// Paths are constants: this refinement runs for every track of every page.
const P = {
  artists: ['artists'],
  images: ['images'],
  album: ['album'],
  durationMs: ['durationMs'],
  trackNumber: ['trackNumber'],
  discNumber: ['discNumber'],
  playCount: ['playCount'],
};

export const TrackSchema = z
  .object({
    ...entityBase('track'),
    durationMs: z.number(),
    explicit: z.boolean(),
    playable: z.boolean(),
    previewUrl: z.string().nullable(),
    artists: z.array(ArtistRefShape),
    images: z.array(ImageShape),
    releaseDate: z.string().nullable(),
    album: AlbumRefShape.nullable(),
    trackNumber: z.number().nullable(),
    discNumber: z.number().nullable(),
    playCount: z.number().nullable(),
  })
  .superRefine((track, context) => {
    checkIdentity('track', track, context, 'unless-unplayable');
    if (track.playable && track.artists.length === 0)
      context.addIssue({ code: 'custom', path: P.artists, message: 'a playable track must have an artist' });
    checkArtists(track.artists, context, P.artists);
    checkImages(track.images, context, P.images);
    if (track.album !== null) checkRef('album', track.album, context, P.album);
    checkCount(track.durationMs, context, P.durationMs);
    checkCount(track.trackNumber, context, P.trackNumber);
    checkCount(track.discNumber, context, P.discNumber);
    checkCount(track.playCount, context, P.playCount);
  });
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Track extends DeepReadonly<z.infer<typeof TrackSchema>> {}
