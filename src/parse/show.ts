import type { Show } from '../models/show.js';
import { readEpisode } from './episode.js';
import { entityUri, entityUrl, idFromUri, readName } from './fields.js';
import { readEntityImages, readImageList } from './images.js';
import { str, text, type Raw } from './raw.js';
import { isEpisodeRow, readRows } from './rows.js';

/**
 * A show from its embed. The embed describes the show's latest *episode*: the show's name is that
 * episode's `subtitle` and its pictures are `relatedEntityCoverArt`; the episode itself is the one
 * episode the embed lists. An entity of type "show" (with episode rows) is read as such.
 */
export function readShow(entity: Raw, id: string, maxEpisodes: number): Show {
  const isShowEntity = entity['type'] === 'show';
  const episodes = isShowEntity
    ? readRows(entity)
        .filter(isEpisodeRow)
        .map((row) => readEpisode(row, idFromUri(row['uri'], 'episode') ?? ''))
    : [readEpisode(entity, idFromUri(entity['uri'], 'episode') ?? '')];
  const showImages = readImageList(entity['relatedEntityCoverArt']);
  return {
    type: 'show',
    id,
    uri: entityUri('show', id),
    url: entityUrl('show', id),
    name: (isShowEntity ? readName(entity) : str(entity['subtitle'])) ?? '',
    description: isShowEntity ? (text(entity['description']) ?? null) : null,
    publisher: null,
    mediaType: null,
    images: isShowEntity || showImages.length === 0 ? readEntityImages(entity) : showImages,
    totalEpisodes: null,
    episodes: episodes.slice(0, maxEpisodes),
  };
}
