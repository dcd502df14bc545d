import type { ShowRef } from '../models/common.js';
import type { Episode } from '../models/episode.js';
import { entityUri, entityUrl, idFromUri } from '../parse/fields.js';
import { at, bool, list, str, text } from '../parse/raw.js';
import { NO_PREVIEWS, isExplicitLabel, sourcesOf, totalMs, type Previews } from './common.js';

/** A partner API episode: `episodeUnionV2`, a show's `episodesV2.items[].entity.data`, a playlist item. */
export function apiEpisode(raw: unknown, previews: Previews = NO_PREVIEWS): Episode | undefined {
  const uri = text(at(raw, 'uri'));
  const id = text(at(raw, 'id')) ?? idFromUri(uri, 'episode');
  if (id === undefined) return undefined;
  const episodeUri = uri ?? entityUri('episode', id);
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
  const uri = text(at(show, 'uri'));
  const id = text(at(show, 'id')) ?? idFromUri(uri, 'show');
  if (uri === undefined || id === undefined) return null;
  return {
    id,
    uri,
    name: str(at(show, 'name')) ?? '',
    publisher: text(at(show, 'publisher', 'name')) ?? null,
    images: sourcesOf(at(show, 'coverArt')),
  };
}

