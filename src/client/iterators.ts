import type { z } from 'zod';
import { NotFoundError } from '../errors.js';
import { entityUri } from '../models/entities.js';
import { EpisodeSchema } from '../models/episode.js';
import { PlaylistItemSchema } from '../models/playlist.js';
import { ReleaseSchema } from '../models/release.js';
import { ArtistSummarySchema } from '../models/artist-summary.js';
import { PlaylistSummarySchema } from '../models/playlist-summary.js';
import { ShowSummarySchema } from '../models/show-summary.js';
import { TrackSchema } from '../models/track.js';
import type { SearchResults, SearchType } from '../models/search-results.js';
import { validateModel } from '../parse/validate.js';
import type { Episode, PlaylistItem, Release } from '../models/index.js';
import { OPERATIONS, type OperationKind } from '../partner/operations.js';
import type { ApiPage } from '../partner/page.js';
import { callOperation, type QueryRow } from '../partner/query.js';
import type { SearchRequest } from '../partner/search.js';
import type { Raw } from '../parse/raw.js';
import { searchRequest } from './arguments.js';
import { queryContext, type ClientContext } from './context.js';
import { getEntity } from './entity-loader.js';
import { resolveId } from './short-link.js';

/** One page of an iterated list: its items (read), how many it had, the list's total. */
interface Page<T> {
  items: T[];
  raw: number;
  total: number | null;
  keys: string[];
}

/** Runs one page's fetch as a tracked call of the client (refused after close; `close()` waits for it). */
export type Track = <R>(fetch: () => Promise<R>) => Promise<R>;

/**
 * Yields a list's items page by page as they arrive: the next page is asked for only when the
 * consumer wants more, so breaking out of `for await` stops the paging and no list is held whole.
 * Paging ends at the total, an empty page, a page that brings nothing new, or `max` items.
 */
async function* pages<T>(
  fetchPage: (offset: number) => Promise<Page<T>>,
  track: Track,
  max = Infinity,
): AsyncGenerator<T, void, undefined> {
  const seen = new Set<string>();
  let yielded = 0;
  for (let offset = 0; yielded < max;) {
    const page = await track(() => fetchPage(offset));
    let fresh = 0;
    for (const [index, item] of page.items.entries()) {
      const key = page.keys[index] ?? `#${offset + index}`;
      if (seen.has(key)) continue;
      seen.add(key);
      fresh += 1;
      yield item;
      if ((yielded += 1) >= max) return;
    }
    offset += page.raw;
    if (page.raw === 0 || (page.total !== null && offset >= page.total) || fresh === 0) return;
  }
}

/** A page of the partner API as items of a schema (those that do not validate are skipped, with a warning). */
function validPage<T>(context: ClientContext, operation: string, schema: z.ZodType, page: ApiPage<unknown>): Page<T> {
  const items: T[] = [];
  const keys: string[] = [];
  page.items.forEach((item, index) => {
    try {
      items.push(validateModel(schema, item, `the partner API's ${operation} answer`) as T);
      keys.push(page.keys[index] as string);
    } catch {
      // Counted with the unreadable below.
    }
  });
  const skipped = page.unreadable + page.items.length - items.length;
  if (skipped > 0) context.options.onWarning?.(`${operation}: skipped ${skipped} unreadable item(s)`);
  return { items, keys, raw: page.raw, total: page.total };
}

export interface IterateOptions {
  signal?: AbortSignal | undefined;
}

/** A playlist's items, 100 a page from the partner API (SPEC §11); its embed page's when the API fails at once. */
export async function* iteratePlaylist(
  context: ClientContext,
  value: string,
  options: IterateOptions,
  track: Track,
): AsyncGenerator<PlaylistItem, void, undefined> {
  const { signal } = options;
  const id = await track(async () => resolveId(context.http, 'playlist', value, signal));
  const uri = entityUri('playlist', id);
  const row = OPERATIONS.playlist;
  const fetchPage = async (offset: number) =>
    validPage<PlaylistItem>(
      context,
      row.name,
      PlaylistItemSchema,
      (await callOperation(queryContext(context, signal), row, { uri, offset, limit: row.pageSize })).page,
    );
  if (context.options.partnerApi) {
    let first: Page<PlaylistItem> | undefined;
    try {
      first = await track(() => fetchPage(0));
    } catch (error) {
      if (signal?.aborted || error instanceof NotFoundError) throw error;
      context.options.onWarning?.(
        `Paging playlist ${id} through the partner API failed (${(error as Error).message}): its embed page's items only`,
      );
    }
    if (first) {
      const given = first;
      yield* pages((offset) => (offset === 0 ? Promise.resolve(given) : fetchPage(offset)), track);
      return;
    }
  }
  const playlist = await track(() => getEntity(context, 'playlist', id, { maxTracks: Infinity }, signal));
  yield* playlist.tracks;
}

/** A show's episodes, newest first, 50 a page. */
export async function* iterateShow(
  context: ClientContext,
  value: string,
  options: IterateOptions,
  track: Track,
): AsyncGenerator<Episode, void, undefined> {
  const { signal } = options;
  const id = await track(async () => resolveId(context.http, 'show', value, signal));
  const uri = entityUri('show', id);
  const row = OPERATIONS.showEpisodes;
  yield* pages(
    async (offset) =>
      validPage(
        context,
        row.name,
        EpisodeSchema,
        await callOperation(queryContext(context, signal), row, { uri, offset, limit: row.pageSize }),
      ),
    track,
  );
}

/** An artist's releases, newest first, a page of release groups at a time. */
export async function* iterateDiscography(
  context: ClientContext,
  value: string,
  options: IterateOptions,
  track: Track,
): AsyncGenerator<Release, void, undefined> {
  const { signal } = options;
  const id = await track(async () => resolveId(context.http, 'artist', value, signal));
  const uri = entityUri('artist', id);
  const row = OPERATIONS.discography;
  yield* pages(
    async (offset) =>
      validPage(
        context,
        row.name,
        ReleaseSchema,
        await callOperation(queryContext(context, signal), row, { uri, offset, limit: row.pageSize }),
      ),
    track,
  );
}

/** The search operation of each type's "see all" page, its section of `SearchResults` and its schema. */
const SEARCH_OF = {
  track: { kind: 'searchTracks', key: 'tracks', schema: TrackSchema },
  album: { kind: 'searchAlbums', key: 'albums', schema: ReleaseSchema },
  artist: { kind: 'searchArtists', key: 'artists', schema: ArtistSummarySchema },
  playlist: { kind: 'searchPlaylists', key: 'playlists', schema: PlaylistSummarySchema },
  show: { kind: 'searchPodcasts', key: 'shows', schema: ShowSummarySchema },
  episode: { kind: 'searchEpisodes', key: 'episodes', schema: EpisodeSchema },
} as const satisfies { [K in SearchType]: { kind: OperationKind; key: SearchKey<K>; schema: z.ZodType } };

/** A search row (searchDesktop, or one type's). */
type SearchRow = QueryRow & {
  kind: string;
  variables: (request: SearchRequest) => Readonly<Record<string, unknown>>;
  read: (root: Raw, request: SearchRequest) => { results: SearchResults; unreadable: number };
};

/** The section of `SearchResults` a search type's hits are in (`'track'` -> `'tracks'`). */
export type SearchKey<K extends SearchType> = {
  track: 'tracks';
  album: 'albums';
  artist: 'artists';
  playlist: 'playlists';
  show: 'shows';
  episode: 'episodes';
}[K];

/** Hits of one search type per page. */
const SEARCH_PAGE = 50;

/** The hits of one type, page after page (the type's own search operation; searchDesktop when it fails at once). */
export async function* iterateSearch<K extends SearchType>(
  context: ClientContext,
  query: string,
  options: IterateOptions & { type: K; max?: number | undefined },
  track: Track,
): AsyncGenerator<SearchResults[SearchKey<K>][number], void, undefined> {
  const { signal } = options;
  const of = SEARCH_OF[options.type];
  const request = (offset: number) =>
    searchRequest(query, { types: [options.type], limit: SEARCH_PAGE, offset }) as ReturnType<typeof searchRequest>;
  request(0); // checks the query and type before any request
  let row: SearchRow = OPERATIONS[of.kind];
  const fetchPage = async (offset: number) => {
    const { results } = await callOperation(queryContext(context, signal), row, request(offset));
    const items = results[of.key] as unknown[];
    const page = {
      items,
      keys: items.map((item) => (item as { uri: string }).uri),
      raw: items.length,
      total: results.totals[options.type],
      unreadable: 0,
    };
    return validPage<SearchResults[SearchKey<K>][number]>(context, row.name, of.schema, page);
  };
  let first: Awaited<ReturnType<typeof fetchPage>>;
  try {
    first = await track(() => fetchPage(0));
  } catch (error) {
    if (signal?.aborted) throw error;
    // The type's own operation failed (a hash no healing found): searchDesktop with offsets.
    context.options.onWarning?.(`${row.name} failed (${(error as Error).message}); searching with searchDesktop`);
    row = OPERATIONS.search;
    first = await track(() => fetchPage(0));
  }
  const given = first;
  yield* pages((offset) => (offset === 0 ? Promise.resolve(given) : fetchPage(offset)), track, options.max);
}
