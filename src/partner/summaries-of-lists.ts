import type { EpisodeSummary } from '../models/episode-summary.js';
import type { TrackSummary } from '../models/track-summary.js';
import { entityIdFromUri, entityUri, entityUrl } from '../parse/fields.js';
import { at, bool, isRaw, list, str, text, type Raw } from '../parse/raw.js';
import { albumRefOf, artistsOf, isExplicitLabel, playableIdOf, sourcesOf } from './common.js';

/** Whether an answer says a track is explicit: a content rating when it has one, else not known. */
function explicitOf(raw: unknown): boolean | null {
  return at(raw, 'contentRating') === undefined && at(raw, 'contentRatingV2') === undefined
    ? null
    : isExplicitLabel(raw);
}

/** A duration in milliseconds as the answer gives it, or undefined when it is not one. */
function durationOf(raw: unknown): number | undefined {
  const ms = at(raw, 'totalMilliseconds');
  return typeof ms === 'number' && Number.isFinite(ms) && ms >= 0 ? Math.round(ms) : undefined;
}

/**
 * A track as a list answer describes it (decorateContextTracks, a recommendation): undefined without a
 * track uri of its own, a name, a duration or an artist (an entry without them is not a result: its
 * value takes the per-entity path). Its preview comes from trackPreview, later.
 */
export function apiTrackSummary(raw: unknown): TrackSummary | undefined {
  const id = playableIdOf(raw, 'track');
  const name = str(at(raw, 'name'));
  const durationMs = durationOf(at(raw, 'duration') ?? at(raw, 'trackDuration'));
  if (id === undefined || name === undefined || name === '' || durationMs === undefined) return undefined;
  const album = albumRefOf(at(raw, 'albumOfTrack'));
  const listed = artistsOf(at(raw, 'artists', 'items'));
  const artists =
    listed.length > 0
      ? listed
      : [...artistsOf(at(raw, 'firstArtist', 'items')), ...artistsOf(at(raw, 'otherArtists', 'items'))];
  if (artists.length === 0) return undefined;
  return {
    type: 'track',
    id,
    uri: entityUri('track', id),
    url: entityUrl('track', id),
    name,
    durationMs,
    explicit: explicitOf(raw),
    playable: bool(at(raw, 'playability', 'playable')) ?? null,
    previewUrl: null,
    artists,
    images: album?.images ?? sourcesOf(at(raw, 'albumOfTrack', 'coverArt')),
    album,
  };
}

/** An episode as decorateContextEpisodesOrChapters describes it; undefined without a uri or a name. */
export function apiEpisodeSummary(raw: unknown): EpisodeSummary | undefined {
  const id = playableIdOf(raw, 'episode');
  const name = str(at(raw, 'name'));
  if (id === undefined || name === undefined || name === '') return undefined;
  const show = at(raw, 'podcastV2', 'data');
  const showId = entityIdFromUri(at(show, 'uri'), 'show');
  const duration = at(raw, 'duration');
  const durationMs = duration === undefined || duration === null ? null : durationOf(duration);
  // A duration that is there but not one is a wrong-typed entry, not a result.
  if (durationMs === undefined) return undefined;
  return {
    type: 'episode',
    id,
    uri: entityUri('episode', id),
    url: entityUrl('episode', id),
    name,
    description: text(at(raw, 'description')) ?? null,
    durationMs,
    explicit: explicitOf(raw),
    playable: bool(at(raw, 'playability', 'playable')) ?? null,
    releaseDate: text(at(raw, 'releaseDate', 'isoString')) ?? null,
    images: sourcesOf(at(raw, 'coverArt')),
    previewUrl: text(at(raw, 'previewPlayback', 'audioPreview', 'cdnUrl')) ?? null,
    show:
      showId === undefined
        ? null
        : {
            id: showId,
            uri: entityUri('show', showId),
            name: text(at(show, 'name')) ?? null,
            publisher: text(at(show, 'publisher', 'name')) ?? null,
          },
  };
}

/**
 * The entries of a list answer (`data.tracks[]`, `data.episodes[]`) that are about what was asked,
 * by uri (never by position): an entry for a uri not asked for, a second entry for one, a null or an
 * entry without what a result needs is left out (its value then takes the per-entity path).
 */
export function byUri<T extends { uri: string }>(
  root: Raw,
  asked: readonly string[],
  read: (raw: unknown) => T | undefined,
): Map<string, T> {
  const wanted = new Set(asked);
  const found = new Map<string, T>();
  for (const entry of list(root['items'])) {
    if (!isRaw(entry)) continue;
    const value = read(entry);
    if (value === undefined || !wanted.has(value.uri) || found.has(value.uri)) continue;
    found.set(value.uri, value);
  }
  return found;
}

const PREVIEW = /^https:\/\/p\.scdn\.co\/mp3-preview\/[0-9a-f]{8,64}(?:\?[\w=&-]{0,200})?$/;

/**
 * trackPreview's `data.lookup[]`: the preview URL of each uri asked (null when it has none). An entry
 * names its uri, or is aligned with the input; entries past the input, for uris not asked, or with a
 * URL off Spotify's preview host are ignored.
 */
export function readTrackPreviews(root: Raw, asked: readonly string[]): Map<string, string | null> {
  const wanted = new Set(asked);
  const previews = new Map<string, string | null>();
  list(root['items']).forEach((entry, index) => {
    const data = at(entry, 'data');
    const uri = str(at(data, 'uri')) ?? str(at(entry, 'uri')) ?? asked[index];
    if (uri === undefined || !wanted.has(uri) || previews.has(uri) || !isRaw(data)) return;
    const url = str(at(list(at(data, 'previews', 'audioPreviewsV2', 'items'))[0], 'url'));
    previews.set(uri, url !== undefined && PREVIEW.test(url) ? url : null);
  });
  return previews;
}
