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
    async (signal, outcome) => {
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
  return keepValid(context, kind, schema, page.items);
}

/**
 * The items that validate. Discovery has no embed data to fall back on, so an item that does not
 * (a hit without a name) is skipped with one warning naming the first one, and the rest are kept.
 */
function keepValid<S extends z.ZodType>(
  context: LoaderContext,
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

function warnUnreadable(context: LoaderContext, kind: OperationKind, unreadable: number): void {
  if (unreadable > 0)
    context.options.onWarning?.(`${OPERATIONS[kind].name}: skipped ${unreadable} item(s) without a usable uri`);
}
