import type { AlbumRef, Image } from '../models/common.js';
import type { Track } from '../models/track.js';
import {
  entityUrl,
  readArtists,
  readDurationMs,
  readExplicit,
  readName,
  readPlayable,
  readPreviewUrl,
  readReleaseDate,
} from './fields.js';
import { readEntityImages } from './images.js';
import type { Raw } from './raw.js';
import { entityUri } from '../models/entities.js';

/** What a row or entity cannot tell about itself but its container can. */
export interface TrackContext {
  album?: AlbumRef | null;
  images?: Image[];
}

/**
 * A track from a track embed's entity or from a `trackList` row, with the id its caller checked.
 * A name or artist the page lacks stays empty here; the caller decides whether that is allowed.
 */
export function readTrack(raw: Raw, id: string, context: TrackContext = {}): Track {
  const images = readEntityImages(raw);
  const uri = raw['uri'];
  return {
    type: 'track',
    id,
    // The page's own uri when it is exactly that of the id (the caller read the id from it): no new string.
    uri: typeof uri === 'string' && uri.length === 36 && uri.endsWith(id) ? uri : entityUri('track', id),
    url: entityUrl('track', id),
    name: readName(raw) ?? '',
    durationMs: readDurationMs(raw),
    explicit: readExplicit(raw),
    playable: readPlayable(raw),
    previewUrl: readPreviewUrl(raw),
    artists: readArtists(raw),
    images: images.length > 0 ? images : (context.images ?? []),
    releaseDate: readReleaseDate(raw),
    album: context.album ?? null,
    trackNumber: null,
    discNumber: null,
    playCount: null,
  };
}
