import type { z } from 'zod';
import { ArtistSummarySchema, type ArtistSummary } from '../models/artist-summary.js';
import { ColorsSchema, type Colors } from '../models/colors.js';
import { ConcertSchema, type Concert } from '../models/concert.js';
import { entityUri } from '../models/entities.js';
import { ReleaseSchema, type Release } from '../models/release.js';
import type { SearchType } from '../models/search-results.js';
import { SearchResultsSchema, type SearchResults } from '../models/search-results.js';
import { validateModel } from '../parse/validate.js';
import { readColors } from '../partner/colors.js';
import { readConcerts } from '../partner/concerts.js';
import { discographyPage } from '../partner/discography.js';
import { OPERATIONS, type OperationKind } from '../partner/operations.js';
import type { ApiPage } from '../partner/page.js';
import { collectPages } from '../partner/paging.js';
import { runQuery } from '../partner/query.js';
import { readRelatedArtists } from '../partner/related-artists.js';
import { readSearch, searchVariables } from '../partner/search.js';
import { readSimilarAlbums } from '../partner/similar-albums.js';
import { imageIdOf, limitOption, searchRequest, wholeInRange } from './arguments.js';
import { queryContext, type LoaderContext } from './entity-loader.js';
import { resolveId } from './short-link.js';

/** The partner API's discovery operations (SPEC §6), one function per client method. */

export interface CallOptions {
  /** Aborts the call: it then rejects with `signal.reason`. */
  signal?: AbortSignal | undefined;
}

export interface SearchOptions extends CallOptions {
  /** What to search for. @default all six: track, album, artist, playlist, show, episode */
  types?: readonly SearchType[];
  /** Hits per type, 1-100. @default 20 */
  limit?: number;
  /** Hits to skip per type. @default 0 */
  offset?: number;
}

export interface DiscographyOptions extends CallOptions {
  /** Releases to return at most (not release groups); `Infinity` for all. @default Infinity */
  maxReleases?: number;
}

export interface SimilarAlbumsOptions extends CallOptions {
  /** Albums to return, 1-100. @default 10 */
  limit?: number;
}

export async function search(context: LoaderContext, query: string, options: SearchOptions): Promise<SearchResults> {
  const request = searchRequest(query, options);
  const root = await runQuery(queryContext(context, options.signal), 'search', searchVariables(request));
  const { results, unreadable } = readSearch(root, request);
  warnUnreadable(context, 'search', unreadable);
  return validateModel(SearchResultsSchema, results, answerOf('search'));
}

export async function getArtistDiscography(context: LoaderContext, value: string, options: DiscographyOptions): Promise<Release[]> {
  const maxReleases = limitOption('maxReleases', options.maxReleases, Infinity);
  const uri = entityUri('artist', await resolveId(context.http, 'artist', value, options.signal));
  const query = queryContext(context, options.signal);
  const result = await collectPages(async (offset, limit) => discographyPage(await runQuery(query, 'discography', { uri, offset, limit })), {
    max: maxReleases,
    pageSize: OPERATIONS.discography.pageSize,
    cap: OPERATIONS.discography.maxItems,
  });
  if (result.stoppedBy !== undefined) throw result.stoppedBy;
  warnUnreadable(context, 'discography', result.unreadable);
  return validateList(ReleaseSchema, result.items, 'discography');
}

export async function getRelatedArtists(context: LoaderContext, value: string, options: CallOptions): Promise<ArtistSummary[]> {
  const uri = entityUri('artist', await resolveId(context.http, 'artist', value, options.signal));
  const root = await runQuery(queryContext(context, options.signal), 'relatedArtists', { uri });
  return listOf(context, 'relatedArtists', readRelatedArtists(root), ArtistSummarySchema);
}

export async function getSimilarAlbums(context: LoaderContext, trackValue: string, options: SimilarAlbumsOptions): Promise<Release[]> {
  const limit = wholeInRange('limit', options.limit, 10, 1, 100);
  const uri = entityUri('track', await resolveId(context.http, 'track', trackValue, options.signal));
  const root = await runQuery(queryContext(context, options.signal), 'similarAlbums', { uri, limit });
  return listOf(context, 'similarAlbums', readSimilarAlbums(root), ReleaseSchema).slice(0, limit);
}

export async function getArtistConcerts(context: LoaderContext, value: string, options: CallOptions): Promise<Concert[]> {
  const artistUri = entityUri('artist', await resolveId(context.http, 'artist', value, options.signal));
  const root = await runQuery(queryContext(context, options.signal), 'concerts', { artistUri, includeNearby: false });
  return listOf(context, 'concerts', readConcerts(root), ConcertSchema);
}

export async function getColors(context: LoaderContext, imageOrEntity: unknown, options: CallOptions): Promise<Colors> {
  const imageUri = `spotify:image:${imageIdOf(imageOrEntity)}`;
  options.signal?.throwIfAborted();
  const root = await runQuery(queryContext(context, options.signal), 'colors', { imageUris: [imageUri] });
  return validateModel(ColorsSchema, readColors(root), answerOf('colors'));
}

/** Where a discovery answer came from, as a ParseError names it. */
function answerOf(kind: OperationKind): string {
  return `the partner API's ${OPERATIONS[kind].name} answer`;
}

function listOf<S extends z.ZodType>(context: LoaderContext, kind: OperationKind, page: ApiPage<unknown>, schema: S): Array<z.output<S>> {
  warnUnreadable(context, kind, page.unreadable);
  return validateList(schema, page.items, kind);
}

function validateList<S extends z.ZodType>(schema: S, items: readonly unknown[], kind: OperationKind): Array<z.output<S>> {
  return items.map((item, index) => validateModel(schema, item, `${answerOf(kind)} (item ${index})`));
}

function warnUnreadable(context: LoaderContext, kind: OperationKind, unreadable: number): void {
  if (unreadable > 0) context.options.onWarning?.(`${OPERATIONS[kind].name}: skipped ${unreadable} item(s) without a usable uri`);
}
