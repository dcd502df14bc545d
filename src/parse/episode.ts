import type { Episode } from '../models/episode.js';
import type { ShowRef } from '../models/common.js';
import {
  entityIdFromUri,
  entityUrl,
  readDurationMs,
  readExplicit,
  readName,
  readPlayable,
  readPreviewUrl,
  readReleaseDate,
} from './fields.js';
import { readEntityImages, readImageList } from './images.js';
import { at, bool, text, type Raw } from './raw.js';
import { entityUri } from '../models/entities.js';

/** An episode from an episode embed's entity or from an episode row, with the id its caller checked. */
export function readEpisode(raw: Raw, id: string): Episode {
  const ownImages = readEntityImages(raw);
  return {
    type: 'episode',
    id,
    uri: entityUri('episode', id),
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

/** The show an episode embed points at through `relatedEntityUri`, named by its `subtitle` (none without both). */
export function readShowRef(raw: Raw): ShowRef | null {
  const id = entityIdFromUri(raw['relatedEntityUri'], 'show');
  const name = text(raw['subtitle']);
  if (id === undefined || name === undefined) return null;
  return {
    id,
    uri: entityUri('show', id),
    name,
    publisher: null,
    images: readImageList(at(raw, 'relatedEntityCoverArt')),
  };
}
