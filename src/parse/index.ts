import { ParseError } from '../errors.js';
import { ENTITY_SCHEMAS, isEntityType, type EntityByType, type EntityType } from '../models/entities.js';
import { quote } from '../redact.js';
import { readAlbum } from './album.js';
import { readArtist } from './artist.js';
import type { ParseContext } from './context.js';
import { readEmbedPage, type EmbedPage } from './embed-page.js';
import { readEpisode } from './episode.js';
import { entityIdFromUri, spotifyId } from './fields.js';
import { readPlaylist } from './playlist.js';
import { str, type Raw } from './raw.js';
import { readShow } from './show.js';
import { readTrack } from './track.js';
import { validateModel } from './validate.js';
import { withArticle } from '../words.js';

export { readEmbedPage, type EmbedPage, type EmbedSession } from './embed-page.js';
export type { ParseContext } from './context.js';

/** How much of a list to keep. */
export interface ListLimits {
  maxTracks: number;
  maxEpisodes: number;
}

const NO_LIMITS: ListLimits = { maxTracks: Infinity, maxEpisodes: Infinity };

type EmbedReader<K extends EntityType> = (
  entity: Raw,
  id: string,
  limits: ListLimits,
  context: ParseContext,
) => EntityByType[K];

/** How each entity type's model is read from its embed entity. */
const EMBED_READERS = {
  track: (entity, id) => readTrack(entity, id),
  album: (entity, id, _limits, context) => readAlbum(entity, id, context),
  artist: (entity, id, _limits, context) => readArtist(entity, id, context),
  playlist: (entity, id, limits, context) => readPlaylist(entity, id, limits.maxTracks, context),
  episode: (entity, id) => readEpisode(entity, id),
  show: (entity, id, limits, context) => readShow(entity, id, limits.maxEpisodes, context),
} satisfies { [K in EntityType]: EmbedReader<K> };

export interface EmbedParseOptions {
  limits?: ListLimits;
  /** Called for each item skipped (a row without a uri), naming its position. */
  warn?: (message: string) => void;
}

/**
 * Page -> validated model, in one call, for the benchmarks and tests. (The client calls readEmbedPage
 * and modelFromEmbed itself: it keeps the page's token between the two.)
 */
export function parseEmbedHtml<T extends EntityType>(
  type: T,
  html: string,
  requestedId: string,
  pageUrl: string,
  options: EmbedParseOptions = {},
): EntityByType[T] {
  return modelFromEmbed(type, readEmbedPage(html, pageUrl), requestedId, pageUrl, options);
}

/**
 * Embed state -> validated model of the requested type. Identity is checked, never defaulted: the
 * page must describe an entity of that type with a 22-character id (the one asked for, or — for a
 * relinked track — the one the page says it embeds for it) and a name; else a ParseError naming the
 * JSON path.
 */
export function modelFromEmbed<T extends EntityType>(
  type: T,
  page: EmbedPage,
  requestedId: string,
  pageUrl: string,
  options: EmbedParseOptions = {},
): EntityByType[T] {
  const { entity, entityPath } = page;
  checkEntityType(type, entity, entityPath, pageUrl);
  const id = type === 'show' ? showId(page, requestedId, pageUrl) : ownId(entity, type, page, requestedId, pageUrl);
  const context: ParseContext = { path: entityPath, url: pageUrl, warn: options.warn ?? ignore };
  const built = (EMBED_READERS[type] as EmbedReader<T>)(entity, id, options.limits ?? NO_LIMITS, context);
  if (built.name === '')
    fail(
      `Missing ${entityPath}.${type === 'show' && entity['type'] !== 'show' ? 'subtitle' : 'title'} (the ${type} has no name)`,
      pageUrl,
    );
  if (built.type === 'track' && built.artists.length === 0)
    fail(`Missing ${entityPath}.artists (the track names no artist)`, pageUrl);
  return validateModel(ENTITY_SCHEMAS[type], built, pageUrl) as EntityByType[T];
}

function ignore(): void {}

function fail(what: string, pageUrl: string): never {
  throw new ParseError(`${what} in ${pageUrl}`, { url: pageUrl });
}

/** The entity's own id: from `id` or `uri`, equal to the one requested unless the page embeds that one (a relinked track). */
function ownId(entity: Raw, type: EntityType, page: EmbedPage, requestedId: string, pageUrl: string): string {
  const fromUri = entityIdFromUri(entity['uri'], type);
  const id = fromUri ?? (entity['uri'] === undefined ? spotifyId(entity['id']) : undefined);
  if (id === undefined)
    return fail(`Missing or invalid ${page.entityPath}.uri (uri: ${quote(entity['uri'], 80)})`, pageUrl);
  if (id === requestedId) return id;
  if (type === 'track' && entityIdFromUri(page.entityUri, type) === requestedId) return id;
  return fail(`The page describes ${type} ${id}, not the requested ${quote(requestedId, 40)}`, pageUrl);
}

/** A show's embed holds its latest episode: the show is named only by `embeded_entity_uri`. */
function showId(page: EmbedPage, requestedId: string, pageUrl: string): string {
  const id =
    entityIdFromUri(page.entityUri, 'show') ??
    (page.entity['type'] === 'show' ? entityIdFromUri(page.entity['uri'], 'show') : undefined);
  if (id === undefined)
    return fail(
      `Missing or invalid ${page.entityPath.replace(/entity$/, 'embeded_entity_uri')} (uri: ${quote(page.entityUri, 80)})`,
      pageUrl,
    );
  if (id !== requestedId)
    return fail(`The page describes show ${id}, not the requested ${quote(requestedId, 40)}`, pageUrl);
  return id;
}

/**
 * The page must hold what was asked for: its `type`, or the type its `uri` names. A show's embed holds
 * its latest episode. A page that says neither is not taken for any type.
 */
function checkEntityType(type: EntityType, entity: Raw, entityPath: string, pageUrl: string): void {
  const uri = str(entity['uri']);
  const actual = str(entity['type']) ?? (uri?.startsWith('spotify:') ? uri.split(':')[1] : undefined);
  if (actual === undefined) fail(`Missing ${entityPath}.type (and no uri tells the type)`, pageUrl);
  if (actual === type || (type === 'show' && actual === 'episode')) return;
  fail(
    `Expected ${withArticle(type)} but the page describes ${withArticle(isEntityType(actual) ? actual : quote(actual, 40))}`,
    pageUrl,
  );
}
