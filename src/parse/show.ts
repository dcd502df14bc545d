import type { Show } from '../models/show.js';
import type { ParseContext } from './context.js';
import { readEpisode } from './episode.js';
import { entityIdFromUri, identity, readName } from './fields.js';
import { readEntityImages, readImageList } from './images.js';
import { text, type Raw } from './raw.js';
import { readRows } from './rows.js';

/**
 * A show from its embed. The embed describes the show's latest *episode*: the show's name is that
 * episode's `subtitle` and its pictures are `relatedEntityCoverArt`; the episode itself is the one
 * episode the embed lists. An entity of type "show" (with episode rows) is read as such.
 */
export function readShow(entity: Raw, id: string, maxEpisodes: number, context: ParseContext): Show {
  const isShowEntity = entity['type'] === 'show';
  const latestId = isShowEntity ? undefined : entityIdFromUri(entity['uri'], 'episode');
  if (!isShowEntity && latestId === undefined)
    context.warn(`${context.path}.uri is not an episode uri: the show's latest episode is skipped`);
  const episodes = isShowEntity
    ? readRows(entity, context, ['episode']).map((row) => readEpisode(row.raw, row.id))
    : latestId === undefined
      ? []
      : [readEpisode(entity, latestId)];
  const showImages = readImageList(entity['relatedEntityCoverArt']);
  return {
    ...identity('show', id),
    name: (isShowEntity ? readName(entity) : text(entity['subtitle'])) ?? '',
    description: isShowEntity ? (text(entity['description']) ?? null) : null,
    publisher: null,
    mediaType: null,
    images: isShowEntity || showImages.length === 0 ? readEntityImages(entity) : showImages,
    totalEpisodes: null,
    episodes: episodes.slice(0, maxEpisodes),
  };
}
