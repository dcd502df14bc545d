import { ParseError } from '../errors.js';
import { ENTITY_SCHEMAS, isEntityType, type EntityByType, type EntityType } from '../models/entities.js';
import { readAlbum } from './album.js';
import { readArtist } from './artist.js';
import { readEmbedPage, type EmbedPage } from './embed-page.js';
import { readEpisode } from './episode.js';
import { idFromUri } from './fields.js';
import { readPlaylist } from './playlist.js';
import { str, type Raw } from './raw.js';
import { readShow } from './show.js';
import { readTrack } from './track.js';
import { validateModel } from './validate.js';
import { quote } from '../redact.js';

export { readEmbedPage, type EmbedPage, type EmbedSession } from './embed-page.js';

/** How much of a list to keep. */
export interface ListLimits {
  maxTracks: number;
  maxEpisodes: number;
}

const NO_LIMITS: ListLimits = { maxTracks: Infinity, maxEpisodes: Infinity };

type EmbedReader<K extends EntityType> = (entity: Raw, id: string, limits: ListLimits) => EntityByType[K];

/** How each entity type's model is read from its embed entity. */
const EMBED_READERS = {
  track: (entity, id) => readTrack(entity, id),
  album: (entity, id) => readAlbum(entity, id),
  artist: (entity, id) => readArtist(entity, id),
  playlist: (entity, id, limits) => readPlaylist(entity, id, limits.maxTracks),
  episode: (entity, id) => readEpisode(entity, id),
  show: (entity, id, limits) => readShow(entity, id, limits.maxEpisodes),
} satisfies { [K in EntityType]: EmbedReader<K> };

/** Page -> validated model, in one call: what the client and the benchmarks use. */
export function parseEmbedHtml<T extends EntityType>(
  type: T,
  html: string,
  id: string,
  pageUrl: string,
  limits: ListLimits = NO_LIMITS,
): EntityByType[T] {
  return modelFromEmbed(type, readEmbedPage(html, pageUrl), id, pageUrl, limits);
}

/** Embed state -> validated model of the requested type. */
export function modelFromEmbed<T extends EntityType>(
  type: T,
  page: EmbedPage,
  requestedId: string,
  pageUrl: string,
  limits: ListLimits = NO_LIMITS,
): EntityByType[T] {
  const { entity } = page;
  checkEntityType(type, entity, pageUrl);
  const id = type === 'show' ? (idFromUri(page.entityUri, 'show') ?? requestedId) : ownId(entity, type, requestedId);
  const built = (EMBED_READERS[type] as EmbedReader<T>)(entity, id, limits);
  return validateModel(ENTITY_SCHEMAS[type], built, pageUrl) as EntityByType[T];
}

function ownId(entity: Raw, type: EntityType, requestedId: string): string {
  return str(entity['id']) ?? idFromUri(entity['uri'], type) ?? requestedId;
}

/** A show's embed holds its latest episode; any other page must hold what was asked for. */
function checkEntityType(type: EntityType, entity: Raw, pageUrl: string): void {
  const actual = str(entity['type']);
  if (actual === undefined || actual === type) return;
  if (type === 'show' && actual === 'episode') return;
  throw new ParseError(`Expected a ${type} in ${pageUrl}, the page describes a ${isEntityType(actual) ? actual : quote(actual, 40)}`, { url: pageUrl });
}
