import { NotFoundError, optionError } from '../errors.js';
import { fetchEmbedPage as fetchPage } from '../embed/fetch-page.js';
import { ENTITY_SCHEMAS, type EntityByType, type EntityType } from '../models/entities.js';
import { modelFromEmbed, type EmbedPage, type ListLimits } from '../parse/index.js';
import { validateModel } from '../parse/validate.js';
import { enrich } from '../partner/enrich.js';
import { PARTNER_API_URL } from '../partner/operation.js';
import type { Outcome } from '../cache/remember.js';
import { DEFAULTS } from '../defaults.js';
import type { Playlist } from '../models/index.js';
import { fillPreviews } from './previews.js';
import type { z } from 'zod';
import { limitOption } from './arguments.js';
import type { CallOptions, GetPlaylistOptions, GetShowOptions } from './call-options.js';
import { queryContext, type ClientContext } from './context.js';
import { resolveId } from './short-link.js';

/** The options of each entity getter: a playlist's `maxTracks`, a show's `maxEpisodes`. */
export type EntityOptions<T extends EntityType> = T extends 'playlist'
  ? GetPlaylistOptions
  : T extends 'show'
    ? GetShowOptions
    : CallOptions;

/**
 * An entity by value, through the cache and single flight: the value parsed (a short link resolved),
 * the limits of its options checked, then `loadEntity`.
 */
export function getEntity<T extends EntityType>(
  context: ClientContext,
  type: T,
  value: string,
  options: EntityOptions<T>,
  signal: AbortSignal | undefined,
): Promise<EntityByType[T]> {
  try {
    const limits: ListLimits = {
      maxTracks: limitOption('maxTracks', (options as GetPlaylistOptions).maxTracks, DEFAULTS.maxTracks),
      maxEpisodes: limitOption('maxEpisodes', (options as GetShowOptions).maxEpisodes, DEFAULTS.maxEpisodes),
    };
    // A value that is not a short link is parsed at once (a short link costs a request). The work starts
    // a turn later even for an id parsed at once: started in the caller's turn, 10,000 calls made at
    // once peaked at a third more memory in about half the runs (bench memory).
    const previews = (options as GetPlaylistOptions).previews;
    if (previews !== undefined && typeof previews !== 'boolean')
      throw optionError('previews', 'must be true or false', '');
    const id = resolveId(context.http, type, value, signal);
    return Promise.resolve(id).then((resolved) =>
      loadCached(context, type, resolved, options.fresh, signal, limits, previews === true),
    );
  } catch (error) {
    return Promise.reject(error as Error);
  }
}

function loadCached<T extends EntityType>(
  context: ClientContext,
  type: T,
  id: string,
  fresh: boolean | undefined,
  signal: AbortSignal | undefined,
  limits: ListLimits,
  previews = false,
): Promise<EntityByType[T]> {
  // The key holds the limit that changes the result (maxTracks for playlists, maxEpisodes for shows),
  // and the previews of a playlist's items past its embed's first 100 when they were asked for.
  const limit = type === 'playlist' ? limits.maxTracks : type === 'show' ? limits.maxEpisodes : null;
  const withPreviews = previews && type === 'playlist';
  const parts = [type, id, limit === Infinity ? 'all' : limit, ...(withPreviews ? ['previews'] : [])];
  const schema = ENTITY_SCHEMAS[type] as unknown as z.ZodType<EntityByType[T]>;
  // A playlist or show read whole keeps every item its embed has, whatever the other list's limit.
  const used = {
    maxTracks: type === 'playlist' ? limits.maxTracks : Infinity,
    maxEpisodes: type === 'show' ? limits.maxEpisodes : Infinity,
  };
  return context.remember(parts, schema, { fresh, signal }, async (inner, outcome) => {
    const entity = await loadEntity(context, type, id, { signal: inner, limits: used, outcome });
    if (!withPreviews) return entity;
    return (await fillPreviews(context, entity as Playlist, inner, outcome)) as EntityByType[T];
  });
}

export interface LoadOptions {
  signal?: AbortSignal | undefined;
  limits: ListLimits;
  /** Told when the result is degraded (the partner API failed or stopped short): it is then not cached. */
  outcome?: Outcome | undefined;
}

/** Fetches one embed page and reads its state; its token is offered to the client's token holder. */
export function fetchEmbedPage(
  context: ClientContext,
  type: EntityType,
  id: string,
  signal: AbortSignal | undefined,
): Promise<{ page: EmbedPage; pageUrl: string }> {
  return fetchPage(context.http, context.options.maxPageBytes, type, id, signal).then((fetched) => {
    context.anonymousToken.offer(fetched.page.session);
    return fetched;
  });
}

/** id -> embed page -> validated model, enriched by the partner API unless that is off. */
export async function loadEntity<T extends EntityType>(
  context: ClientContext,
  type: T,
  id: string,
  options: LoadOptions,
): Promise<EntityByType[T]> {
  const { options: resolved } = context;
  const { page, pageUrl } = await fetchEmbedPage(context, type, id, options.signal);
  const model = modelFromEmbed(type, page, id, pageUrl, {
    limits: options.limits,
    ...(resolved.onWarning ? { warn: pageWarnings(resolved.onWarning, pageUrl) } : {}),
  });
  if (!resolved.partnerApi) return model;
  // Whatever the partner API could not give is said through onWarning, and makes the result degraded.
  const warn = (message: string): void => {
    options.outcome?.degraded();
    resolved.onWarning?.(message);
  };
  try {
    const enriched = await enrich(type, model, {
      query: queryContext(context, options.signal, page.session?.accessToken),
      limits: options.limits,
      warn,
    });
    return validateModel(ENTITY_SCHEMAS[type], enriched, PARTNER_API_URL) as EntityByType[T];
  } catch (error) {
    if (options.signal?.aborted) throw options.signal.reason;
    if (error instanceof NotFoundError) throw error;
    const why = error instanceof Error ? error.message : String(error);
    warn(`Partner API failed for ${type} ${id}, returning embed data: ${why}`);
    return model;
  }
}

/** Warnings about a page's rows, prefixed with the page. */
function pageWarnings(onWarning: (message: string) => void, pageUrl: string): (message: string) => void {
  return (message) => onWarning(`${pageUrl}: ${message}`);
}
