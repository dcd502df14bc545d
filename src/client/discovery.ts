import { z } from 'zod';
import { DEFAULTS } from '../defaults.js';
import { ArtistSummarySchema, type ArtistSummary } from '../models/artist-summary.js';
import { ColorsSchema, type Colors } from '../models/colors.js';
import { ConcertSchema, type Concert } from '../models/concert.js';
import { entityUri } from '../models/entities.js';
import { ReleaseSchema, type Release } from '../models/release.js';
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
import type { CallOptions, DiscographyOptions, SearchOptions, SimilarAlbumsOptions } from './call-options.js';
import { queryContext, type LoaderContext } from './context.js';
import { resolveId } from './short-link.js';

/** The partner API's discovery operations (SPEC §6), one function per client method. */

export async function search(context: LoaderContext, query: string, options: SearchOptions): Promise<SearchResults> {
  const request = searchRequest(query, options);
  const parts = ['search', request.query, [...request.types].sort().join(','), request.limit, request.offset];
  return context.remember(parts, SearchResultsSchema, options, async (signal) => {
    const root = await runQuery(queryContext(context, signal), 'search', searchVariables(request));
    const { results, unreadable } = readSearch(root, request);
    warnUnreadable(context, 'search', unreadable);
    return validateModel(SearchResultsSchema, results, answerOf('search'));
  });
}

export async function getArtistDiscography(
  context: LoaderContext,
  value: string,
  options: DiscographyOptions,
): Promise<Release[]> {
  const maxReleases = limitOption('maxReleases', options.maxReleases, DEFAULTS.maxReleases);
  const id = await resolveId(context.http, 'artist', value, options.signal);
  return context.remember(
    ['discography', id, maxReleases === Infinity ? 'all' : maxReleases],
    Releases,
    options,
    async (signal) => {
      const query = queryContext(context, signal);
      const uri = entityUri('artist', id);
      const result = await collectPages(
        async (offset, limit) => discographyPage(await runQuery(query, 'discography', { uri, offset, limit })),
        {
          max: maxReleases,
          pageSize: OPERATIONS.discography.pageSize,
          cap: OPERATIONS.discography.maxItems,
        },
      );
      if (result.stoppedBy !== undefined) throw result.stoppedBy;
      warnUnreadable(context, 'discography', result.unreadable);
      return validateList(ReleaseSchema, result.items, 'discography');
    },
  );
}

export async function getRelatedArtists(
  context: LoaderContext,
  value: string,
  options: CallOptions,
): Promise<ArtistSummary[]> {
  const id = await resolveId(context.http, 'artist', value, options.signal);
  return context.remember(['related', id], ArtistSummaries, options, async (signal) => {
    const root = await runQuery(queryContext(context, signal), 'relatedArtists', { uri: entityUri('artist', id) });
    return listOf(context, 'relatedArtists', readRelatedArtists(root), ArtistSummarySchema);
  });
}

export async function getSimilarAlbums(
  context: LoaderContext,
  trackValue: string,
  options: SimilarAlbumsOptions,
): Promise<Release[]> {
  const limit = wholeInRange('limit', options.limit, DEFAULTS.similarAlbumsLimit, 1, 100);
  const id = await resolveId(context.http, 'track', trackValue, options.signal);
  return context.remember(['similar', id, limit], Releases, options, async (signal) => {
    const root = await runQuery(queryContext(context, signal), 'similarAlbums', { uri: entityUri('track', id), limit });
    return listOf(context, 'similarAlbums', readSimilarAlbums(root), ReleaseSchema).slice(0, limit);
  });
}

export async function getArtistConcerts(
  context: LoaderContext,
  value: string,
  options: CallOptions,
): Promise<Concert[]> {
  const id = await resolveId(context.http, 'artist', value, options.signal);
  return context.remember(['concerts', id], Concerts, options, async (signal) => {
    const root = await runQuery(queryContext(context, signal), 'concerts', {
      artistUri: entityUri('artist', id),
      includeNearby: false,
    });
    return listOf(context, 'concerts', readConcerts(root), ConcertSchema);
  });
}

export async function getColors(context: LoaderContext, imageOrEntity: unknown, options: CallOptions): Promise<Colors> {
  const imageId = imageIdOf(imageOrEntity);
  options.signal?.throwIfAborted();
  return context.remember(['colors', imageId], ColorsSchema, options, async (signal) => {
    const root = await runQuery(queryContext(context, signal), 'colors', { imageUris: [`spotify:image:${imageId}`] });
    return validateModel(ColorsSchema, readColors(root), answerOf('colors'));
  });
}

const Releases = z.array(ReleaseSchema);
const ArtistSummaries = z.array(ArtistSummarySchema);
const Concerts = z.array(ConcertSchema);

/** Where a discovery answer came from, as a ParseError names it. */
function answerOf(kind: OperationKind): string {
  return `the partner API's ${OPERATIONS[kind].name} answer`;
}

function listOf<S extends z.ZodType>(
  context: LoaderContext,
  kind: OperationKind,
  page: ApiPage<unknown>,
  schema: S,
): Array<z.output<S>> {
  warnUnreadable(context, kind, page.unreadable);
  return validateList(schema, page.items, kind);
}

function validateList<S extends z.ZodType>(
  schema: S,
  items: readonly unknown[],
  kind: OperationKind,
): Array<z.output<S>> {
  return items.map((item, index) => validateModel(schema, item, `${answerOf(kind)} (item ${index})`));
}

function warnUnreadable(context: LoaderContext, kind: OperationKind, unreadable: number): void {
  if (unreadable > 0)
    context.options.onWarning?.(`${OPERATIONS[kind].name}: skipped ${unreadable} item(s) without a usable uri`);
}
