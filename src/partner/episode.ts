import type { ShowRef } from '../models/common.js';
import type { Episode } from '../models/episode.js';
import { entityIdFromUri, entityUri, entityUrl } from '../parse/fields.js';
import { at, bool, list, str, text } from '../parse/raw.js';
import { NO_PREVIEWS, isExplicitLabel, playableIdOf, sourcesOf, totalMs, type Previews } from './common.js';

/** A partner API episode: `episodeUnionV2`, a show's `episodesV2.items[].entity.data`, a playlist item. */
export function apiEpisode(raw: unknown, previews: Previews = NO_PREVIEWS): Episode | undefined {
  const id = playableIdOf(raw, 'episode');
  if (id === undefined) return undefined;
  const episodeUri = entityUri('episode', id);
  return {
    type: 'episode',
    id,
    uri: episodeUri,
    url: entityUrl('episode', id),
    name: str(at(raw, 'name')) ?? '',
    description: text(at(raw, 'description')) ?? null,
    durationMs: totalMs(at(raw, 'duration')),
    explicit: isExplicitLabel(raw),
    playable: bool(at(raw, 'playability', 'playable')) ?? true,
    releaseDate: text(at(raw, 'releaseDate', 'isoString')) ?? null,
    images: sourcesOf(at(raw, 'coverArt')),
    previewUrl: previews.get(episodeUri) ?? text(at(raw, 'previewPlayback', 'audioPreview', 'cdnUrl')) ?? null,
    hasVideo: list(at(raw, 'mediaTypes')).includes('VIDEO'),
    show: showRefOf(at(raw, 'podcastV2', 'data')),
  };
}

export function showRefOf(show: unknown): ShowRef | null {
  const id = entityIdFromUri(at(show, 'uri'), 'show');
  const name = text(at(show, 'name'));
  if (id === undefined || name === undefined) return null;
  return {
    id,
    uri: entityUri('show', id),
    name,
    publisher: text(at(show, 'publisher', 'name')) ?? null,
    images: sourcesOf(at(show, 'coverArt')),
  };
}
