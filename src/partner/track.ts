import type { AlbumRef } from '../models/common.js';
import type { Track } from '../models/track.js';
import { entityUri, entityUrl } from '../parse/fields.js';
import { at, bool, count, str, text } from '../parse/raw.js';
import {
  NO_PREVIEWS,
  albumRefOf,
  artistsOf,
  isExplicitLabel,
  playableIdOf,
  sourcesOf,
  totalMs,
  type Previews,
} from './common.js';

/**
 * A partner API track: `trackUnion`, an album's `tracksV2.items[].track`, an artist's top track or a
 * playlist's `itemV2.data`. The API has no preview URLs; they come from the embed through `previews`.
 */
export function apiTrack(
  raw: unknown,
  previews: Previews = NO_PREVIEWS,
  album: AlbumRef | null = null,
): Track | undefined {
  const id = playableIdOf(raw, 'track');
  if (id === undefined) return undefined;
  const ownAlbum = albumRefOf(at(raw, 'albumOfTrack'));
  const albumRef = ownAlbum ?? album;
  const artists = artistsOf(at(raw, 'artists', 'items'));
  const trackUri = entityUri('track', id);
  return {
    type: 'track',
    id,
    uri: trackUri,
    url: entityUrl('track', id),
    name: str(at(raw, 'name')) ?? '',
    durationMs: totalMs(at(raw, 'duration') ?? at(raw, 'trackDuration')),
    explicit: isExplicitLabel(raw),
    playable: bool(at(raw, 'playability', 'playable')) ?? true,
    previewUrl: previews.get(trackUri) ?? null,
    artists:
      artists.length > 0
        ? artists
        : [...artistsOf(at(raw, 'firstArtist', 'items')), ...artistsOf(at(raw, 'otherArtists', 'items'))],
    images: albumRef?.images ?? sourcesOf(at(raw, 'albumOfTrack', 'coverArt')),
    releaseDate: text(at(raw, 'albumOfTrack', 'date', 'isoString')) ?? null,
    album: albumRef,
    trackNumber: count(at(raw, 'trackNumber')),
    discNumber: count(at(raw, 'discNumber')),
    playCount: count(at(raw, 'playcount')),
  };
}
