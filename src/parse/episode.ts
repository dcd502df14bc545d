import type { Episode } from '../models/episode.js';
import type { ShowRef } from '../models/common.js';
import {
  entityUri,
  entityUrl,
  idFromUri,
  readDurationMs,
  readExplicit,
  readName,
  readPlayable,
  readPreviewUrl,
  readReleaseDate,
} from './fields.js';
import { readEntityImages, readImageList } from './images.js';
import { at, bool, str, text, type Raw } from './raw.js';

/** An episode from an episode embed's entity or from an episode row of a playlist. */
export function readEpisode(raw: Raw, fallbackId: string): Episode {
  const id = str(raw['id']) ?? idFromUri(raw['uri'], 'episode') ?? fallbackId;
  const ownImages = readEntityImages(raw);
  return {
    type: 'episode',
    id,
    uri: str(raw['uri']) ?? entityUri('episode', id),
    url: entityUrl('episode', id),
    name: readName(raw) ?? '',
    description: text(raw['description']) ?? null,
    durationMs: readDurationMs(raw),
    explicit: readExplicit(raw),
    playable: readPlayable(raw),
    releaseDate: readReleaseDate(raw),
    images: ownImages.length > 0 ? ownImages : readImageList(raw['relatedEntityCoverArt']),
    previewUrl: readPreviewUrl(raw),
    hasVideo: bool(raw['hasVideo']) ?? false,
    show: readShowRef(raw),
  };
}

/** The show an episode embed points at through `relatedEntityUri`, named by its `subtitle`. */
export function readShowRef(raw: Raw): ShowRef | null {
  const uri = str(raw['relatedEntityUri']);
  const id = idFromUri(uri, 'show');
  if (uri === undefined || id === undefined) return null;
  return {
    id,
    uri,
    name: str(raw['subtitle']) ?? '',
    publisher: null,
    images: readImageList(at(raw, 'relatedEntityCoverArt')),
  };
}
