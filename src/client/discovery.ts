import { z } from 'zod';
import { DEFAULTS } from '../defaults.js';
import { ArtistSummarySchema, type ArtistSummary } from '../models/artist-summary.js';
import { ColorsSchema, type Colors } from '../models/colors.js';
import { ConcertSchema, type Concert } from '../models/concert.js';
import { entityUri } from '../models/entities.js';
import { ReleaseSchema, type Release } from '../models/release.js';
import { SearchResultsSchema, type SearchResults } from '../models/search-results.js';
import { EpisodeSchema } from '../models/episode.js';
import { PlaylistSummarySchema } from '../models/playlist-summary.js';
import { ShowSummarySchema } from '../models/show-summary.js';
import { TrackSchema } from '../models/track.js';
import { validateModel } from '../parse/validate.js';
import { AuthenticationError, HttpError, NotFoundError, ParseError, SpotifyScraperError } from '../errors.js';
import { CanvasSchema, type Canvas } from '../models/canvas.js';
import { CreditsSchema, type Credits } from '../models/credits.js';
import type { EntityType } from '../models/entities.js';
import type { KeyPart } from '../cache/remember.js';
import type { Raw } from '../parse/raw.js';
import type { Variables } from '../partner/operation.js';
import { OPERATIONS, type OperationKind } from '../partner/operations.js';
import type { ApiPage } from '../partner/page.js';
import { collectPages } from '../partner/paging.js';
import { callOperation, type QueryRow } from '../partner/query.js';
import { readSpclientCredits } from '../spclient/readers.js';
import { spclient } from './account.js';
import { imageIdOf, limitOption, searchRequest, wholeInRange } from './arguments.js';
import type { CallOptions, DiscographyOptions, SearchOptions, SimilarAlbumsOptions } from './call-options.js';
import { queryContext, type ClientContext } from './context.js';
import { resolveId } from './short-link.js';

/** The partner API's discovery operations and keyless extras (SPEC §6, §10), one function per client method. */

export async function search(context: ClientContext, query: string, options: SearchOptions): Promise<SearchResults> {
  const request = searchRequest(query, options);
  const parts = ['search', request.query, [...request.types].sort().join(','), request.limit, request.offset];
  return context.remember(parts, SearchResultsSchema, options, async (signal) => {
    const { results, unreadable } = await callOperation(queryContext(context, signal), OPERATIONS.search, request);
    warnUnreadable(context, 'search', unreadable);
    // A hit that does not validate is skipped with a warning: one bad hit does not lose the others.
    const kept: SearchResults = {
      ...results,
      tracks: keepValid(context, 'search', TrackSchema, results.tracks, 'tracks'),
      albums: keepValid(context, 'search', ReleaseSchema, results.albums, 'albums'),
      artists: keepValid(context, 'search', ArtistSummarySchema, results.artists, 'artists'),
      playlists: keepValid(context, 'search', PlaylistSummarySchema, results.playlists, 'playlists'),
      shows: keepValid(context, 'search', ShowSummarySchema, results.shows, 'shows'),
      episodes: keepValid(context, 'search', EpisodeSchema, results.episodes, 'episodes'),
    };
    return validateModel(SearchResultsSchema, kept, answerOf('search'));
  });
}

export async function getArtistDiscography(
  context: ClientContext,
  value: string,
  options: DiscographyOptions,
): Promise<Release[]> {
  const maxReleases = limitOption('maxReleases', options.maxReleases, DEFAULTS.maxReleases);
  const id = await resolveId(context.http, 'artist', value, options.signal);
  return context.remember(
    ['discography', id, maxReleases === Infinity ? 'all' : maxReleases],
    Releases,
    options,
    async (signal, outcome) => {
      const query = queryContext(context, signal);
      const uri = entityUri('artist', id);
      const result = await collectPages(
        (offset, limit) => callOperation(query, OPERATIONS.discography, { uri, offset, limit }),
        {
          max: maxReleases,
          pageSize: OPERATIONS.discography.pageSize,
          cap: OPERATIONS.discography.maxItems,
        },
      );
      if (result.stoppedBy !== undefined) {
        // What was fetched is kept, as entity paging keeps it; a result cut short is not cached.
        outcome.degraded();
        const why = result.stoppedBy instanceof Error ? result.stoppedBy.message : String(result.stoppedBy);
        context.options.onWarning?.(
          `Paging the discography of artist ${id} stopped early after ${result.items.length} releases: ${why}`,
        );
      }
      warnUnreadable(context, 'discography', result.unreadable);
      return keepValid(context, 'discography', ReleaseSchema, result.items);
    },
  );
}

/**
 * A partner operation whose answer is a list of `schema` items, about the entity `value` names: the
 * value resolved (a short link costs a request), the answer cached under `[key, id, ...extra]`, every
 * item validated (one that does not is skipped with a warning).
 */
export async function partnerList<I, S extends z.ZodType>(
  context: ClientContext,
  call: {
    key: string;
    type: EntityType;
    value: string;
    row: QueryRow & { variables: (input: I) => Variables; read: (root: Raw, input: I) => ApiPage<unknown> };
    input: (id: string) => I;
    schema: S;
    extra?: readonly KeyPart[];
  },
  options: CallOptions,
): Promise<Array<z.output<S>>> {
  const id = await resolveId(context.http, call.type, call.value, options.signal);
  return context.remember([call.key, id, ...(call.extra ?? [])], z.array(call.schema), options, async (signal) => {
    const page = await callOperation(queryContext(context, signal), call.row, call.input(id));
    return listOf(context, call.row.kind as OperationKind, page, call.schema);
  });
}

export function getRelatedArtists(
  context: ClientContext,
  value: string,
  options: CallOptions,
): Promise<ArtistSummary[]> {
  return partnerList(
    context,
    {
      key: 'related',
      type: 'artist',
      value,
      row: OPERATIONS.relatedArtists,
      input: (id) => ({ uri: entityUri('artist', id) }),
      schema: ArtistSummarySchema,
    },
    options,
  );
}

export async function getSimilarAlbums(
  context: ClientContext,
  trackValue: string,
  options: SimilarAlbumsOptions,
): Promise<Release[]> {
  const limit = wholeInRange('limit', options.limit, DEFAULTS.similarAlbumsLimit, 1, 100);
  const albums = await partnerList(
    context,
    {
      key: 'similar',
      type: 'track',
      value: trackValue,
      row: OPERATIONS.similarAlbums,
      input: (id) => ({ uri: entityUri('track', id), limit }),
      schema: ReleaseSchema,
      extra: [limit],
    },
    options,
  );
  return albums.slice(0, limit);
}

export function getArtistConcerts(context: ClientContext, value: string, options: CallOptions): Promise<Concert[]> {
  return partnerList(
    context,
    {
      key: 'concerts',
      type: 'artist',
      value,
      row: OPERATIONS.concerts,
      input: (id) => ({ uri: entityUri('artist', id) }),
      schema: ConcertSchema,
    },
    options,
  );
}

export async function getColors(context: ClientContext, imageOrEntity: unknown, options: CallOptions): Promise<Colors> {
  const imageId = imageIdOf(imageOrEntity);
  options.signal?.throwIfAborted();
  return context.remember(['colors', imageId], ColorsSchema, options, async (signal) => {
    const colors = await callOperation(queryContext(context, signal), OPERATIONS.colors, { imageId });
    return validateModel(ColorsSchema, colors, answerOf('colors'));
  });
}

/**
 * Credits: keyless first (the partner API's grouped credits, then the older operation), and spclient
 * with the account token only when those fail and the client has cookies.
 */
export async function getCredits(context: ClientContext, value: string, options: CallOptions): Promise<Credits> {
  const id = await resolveId(context.http, 'track', value, options.signal);
  return context.remember(['credits', id], CreditsSchema, options, async (signal) => {
    const query = queryContext(context, signal);
    let failure: unknown;
    for (const kind of ['credits', 'creditsModal'] as const) {
      try {
        const credits = await callOperation(query, OPERATIONS[kind], { trackId: id });
        if (credits.roles.length > 0) return validateModel(CreditsSchema, credits, `the partner API's ${kind} answer`);
        failure ??= new ParseError(`The partner API's ${kind} answer lists no credits for track ${id}`);
      } catch (error) {
        if (signal?.aborted || error instanceof NotFoundError) throw error;
        failure ??= error;
      }
    }
    if (!context.accountToken) throw failure;
    context.options.onWarning?.(
      `Credits of track ${id} from the partner API failed (${messageOf(failure)}); asking spclient with the account token`,
    );
    const json = await spclient(
      context,
      context.accountToken,
      `/track-credits-view/v0/experimental/${id}/credits`,
      signal,
    );
    return validateModel(CreditsSchema, readSpclientCredits(json, id), 'spclient track-credits-view');
  });
}

const NullableCanvas = CanvasSchema.nullable();

/** The Canvas, or null when the track has none; the account token when the client has cookies, else the anonymous one. */
export async function getCanvas(context: ClientContext, value: string, options: CallOptions): Promise<Canvas | null> {
  const id = await resolveId(context.http, 'track', value, options.signal);
  return context.remember(['canvas', id], NullableCanvas as z.ZodType<Canvas | null>, options, async (signal) => {
    const query = queryContext(context, signal, undefined, context.accountToken ?? context.anonymousToken);
    try {
      const canvas = await callOperation(query, OPERATIONS.canvas, { trackId: id });
      return validateModel(NullableCanvas, canvas, "the partner API's canvas answer") as Canvas | null;
    } catch (error) {
      if (!context.accountToken && error instanceof HttpError && (error.status === 401 || error.status === 403))
        throw new AuthenticationError(
          `The partner API refused the anonymous token for Canvas (HTTP ${error.status}): give the sp_dc cookie with the cookies option`,
          { status: error.status, cause: error },
        );
      throw error;
    }
  });
}

function messageOf(error: unknown): string {
  return error instanceof SpotifyScraperError || error instanceof Error ? error.message : String(error);
}

const Releases = z.array(ReleaseSchema);

/** Where a discovery answer came from, as a ParseError names it. */
function answerOf(kind: OperationKind): string {
  return `the partner API's ${OPERATIONS[kind].name} answer`;
}

function listOf<S extends z.ZodType>(
  context: ClientContext,
  kind: OperationKind,
  page: ApiPage<unknown>,
  schema: S,
): Array<z.output<S>> {
  warnUnreadable(context, kind, page.unreadable);
  return keepValid(context, kind, schema, page.items);
}

/**
 * The items that validate. Discovery has no embed data to fall back on, so an item that does not
 * (a hit without a name) is skipped with one warning naming the first one, and the rest are kept.
 */
export function keepValid<S extends z.ZodType>(
  context: ClientContext,
  kind: OperationKind,
  schema: S,
  items: readonly unknown[],
  section?: string,
): Array<z.output<S>> {
  const kept: Array<z.output<S>> = [];
  let first: string | undefined;
  let skipped = 0;
  items.forEach((item, index) => {
    try {
      kept.push(validateModel(schema, item, `${answerOf(kind)} (${section ? `${section} ` : ''}item ${index})`));
    } catch (error) {
      skipped += 1;
      first ??= (error as Error).message;
    }
  });
  if (skipped > 0)
    context.options.onWarning?.(`${OPERATIONS[kind].name}: skipped ${skipped} unreadable item(s): ${first}`);
  return kept;
}

function warnUnreadable(context: ClientContext, kind: OperationKind, unreadable: number): void {
  if (unreadable > 0)
    context.options.onWarning?.(`${OPERATIONS[kind].name}: skipped ${unreadable} item(s) without a usable uri`);
}
