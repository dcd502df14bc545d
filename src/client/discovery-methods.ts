import { DEFAULTS } from '../defaults.js';
import { entityUri } from '../models/entities.js';
import type {
  ArtistSummary,
  Canvas,
  Colors,
  Concert,
  Credits,
  Episode,
  Image,
  PlaylistItem,
  Release,
  SearchResults,
  SearchType,
  TrackSummary,
} from '../models/index.js';
import { TrackSummarySchema } from '../models/track-summary.js';
import { OPERATIONS } from '../partner/operations.js';
import { wholeInRange } from './arguments.js';
import {
  OPTION_NAMES,
  type CallOptions,
  type DiscographyOptions,
  type IterateSearchOptions,
  type SearchOptions,
  type SignalOptions,
  type SimilarAlbumsOptions,
} from './call-options.js';
import { stateOf, type ClientState } from './core.js';
import * as discovery from './discovery.js';
import { EntityMethods } from './entity-methods.js';
import * as iterators from './iterators.js';

/** Search, an artist's world and the keyless extras of the partner API (SPEC §6, §10). */
export class DiscoveryMethods extends EntityMethods {
  /**
   * Searches Spotify: one page of hits per type (tracks, albums, artists, playlists, shows, episodes),
   * each a summary, with the totals Spotify counts.
   * @param query what to search for (trimmed; at most 500 characters)
   * @param options `types` (default all six), `limit` per type (1-100, default 20), `offset`, `signal`, `fresh`
   */
  search(query: string, options?: SearchOptions): Promise<SearchResults> {
    return stateOf(this).calls.run('search', OPTION_NAMES.search, options, (o, signal) =>
      discovery.search(stateOf(this).context, query, { ...o, signal }),
    );
  }

  /**
   * An artist's releases (albums, singles, EPs, compilations), newest first, up to `maxReleases`.
   * @param options `maxReleases` (default all), `signal`, `fresh`
   * @throws {NotFoundError} Spotify has no such artist
   */
  getArtistDiscography(value: string, options?: DiscographyOptions): Promise<Release[]> {
    return stateOf(this).calls.run('getArtistDiscography', OPTION_NAMES.discography, options, (o, signal) =>
      discovery.getArtistDiscography(stateOf(this).context, value, { ...o, signal }),
    );
  }

  /**
   * Artists Spotify relates to this one ("Fans also like").
   * @throws {NotFoundError} Spotify has no such artist
   */
  getRelatedArtists(value: string, options?: CallOptions): Promise<ArtistSummary[]> {
    return stateOf(this).calls.run('getRelatedArtists', OPTION_NAMES.call, options, (o, signal) =>
      discovery.getRelatedArtists(stateOf(this).context, value, { ...o, signal }),
    );
  }

  /**
   * Albums Spotify recommends from a track.
   * @param options `limit` (1-100, default 10), `signal`, `fresh`
   * @throws {NotFoundError} Spotify has no such track
   */
  getSimilarAlbums(trackValue: string, options?: SimilarAlbumsOptions): Promise<Release[]> {
    return stateOf(this).calls.run('getSimilarAlbums', OPTION_NAMES.similar, options, (o, signal) =>
      discovery.getSimilarAlbums(stateOf(this).context, trackValue, { ...o, signal }),
    );
  }

  /**
   * The concerts Spotify lists for an artist.
   * @throws {NotFoundError} Spotify has no such artist
   */
  getArtistConcerts(value: string, options?: CallOptions): Promise<Concert[]> {
    return stateOf(this).calls.run('getArtistConcerts', OPTION_NAMES.call, options, (o, signal) =>
      discovery.getArtistConcerts(stateOf(this).context, value, { ...o, signal }),
    );
  }

  /**
   * The colours Spotify extracts from a picture (raw, dark and light, `#RRGGBB`).
   * @param imageOrEntity an `https://i.scdn.co/image/<id>` URL, a `spotify:image:<id>` URI, or any model with images (its largest)
   * @throws {NotFoundError} Spotify does not know the picture
   */
  getColors(imageOrEntity: string | { readonly images: readonly Image[] }, options?: CallOptions): Promise<Colors> {
    return stateOf(this).calls.run('getColors', OPTION_NAMES.call, options, (o, signal) =>
      discovery.getColors(stateOf(this).context, imageOrEntity, { ...o, signal }),
    );
  }

  /**
   * A track's credits (performers, writers, producers, with their roles), keyless from the partner API;
   * with `cookies`, spclient answers when the partner API does not.
   * @throws {NotFoundError} Spotify has no such track
   */
  getCredits(trackValue: string, options?: CallOptions): Promise<Credits> {
    return stateOf(this).calls.run('getCredits', OPTION_NAMES.call, options, (o, signal) =>
      discovery.getCredits(stateOf(this).context, trackValue, { ...o, signal }),
    );
  }

  /**
   * A track's Canvas (the looping video behind it in the app), or null when it has none. Asked with the
   * account token when the client has `cookies`, else with the anonymous one.
   * @throws {AuthenticationError} the partner API wants an account for it (give `cookies`)
   */
  getCanvas(trackValue: string, options?: CallOptions): Promise<Canvas | null> {
    return stateOf(this).calls.run('getCanvas', OPTION_NAMES.call, options, (o, signal) =>
      discovery.getCanvas(stateOf(this).context, trackValue, { ...o, signal }),
    );
  }

  /**
   * Tracks Spotify recommends from a track ("internalLinkRecommenderTrack"), the keyless successor of
   * the Web API's recommendations: summaries, most related first.
   * @param options `limit` (1-100, default 20), `signal`, `fresh`
   * @throws {NotFoundError} Spotify has no such track
   */
  getRecommendations(trackValue: string, options?: SimilarAlbumsOptions): Promise<TrackSummary[]> {
    const { calls, context } = stateOf(this);
    return calls.run('getRecommendations', OPTION_NAMES.similar, options, async (o, signal) => {
      const limit = wholeInRange('limit', o.limit, DEFAULTS.recommendationsLimit, 1, 100);
      const tracks = await discovery.partnerList(
        context,
        {
          key: 'recommendations',
          type: 'track',
          value: trackValue,
          row: OPERATIONS.recommendations,
          input: (id) => ({ uri: entityUri('track', id), limit }),
          schema: TrackSummarySchema,
          extra: [limit],
        },
        { ...o, signal },
      );
      return tracks.slice(0, limit);
    });
  }

  /**
   * A playlist's items as they come, 100 a page (`for await (const item of client.iteratePlaylist(id))`):
   * a 10,000-item playlist is never held whole; breaking out stops the paging.
   */
  iteratePlaylist(value: string, options?: SignalOptions): AsyncIterable<PlaylistItem> {
    return this.#iterate('iteratePlaylist', OPTION_NAMES.signal, options, (context, o, track) =>
      iterators.iteratePlaylist(context, value, o, track),
    );
  }

  /** A show's episodes as they come, newest first, 50 a page. */
  iterateShow(value: string, options?: SignalOptions): AsyncIterable<Episode> {
    return this.#iterate('iterateShow', OPTION_NAMES.signal, options, (context, o, track) =>
      iterators.iterateShow(context, value, o, track),
    );
  }

  /** An artist's releases as they come, newest first. */
  iterateDiscography(value: string, options?: SignalOptions): AsyncIterable<Release> {
    return this.#iterate('iterateDiscography', OPTION_NAMES.signal, options, (context, o, track) =>
      iterators.iterateDiscography(context, value, o, track),
    );
  }

  /**
   * The hits of one search type as they come, page after page past `search`'s first (the web player's
   * "see all" operation of the type), up to `max`.
   * @param options `type` (required), `max` (default all Spotify gives), `signal`
   */
  iterateSearch<K extends SearchType>(
    query: string,
    options: IterateSearchOptions & { type: K },
  ): AsyncIterable<SearchResults[iterators.SearchKey<K>][number]> {
    return this.#iterate('iterateSearch', OPTION_NAMES.iterateSearch, options, (context, o, track) =>
      iterators.iterateSearch(context, query, { ...o, type: o.type as K }, track),
    );
  }

  /** An iterator whose options are checked at its first step, each page a tracked call of the client. */
  #iterate<O extends SignalOptions, T>(
    method: string,
    known: readonly string[],
    options: O | undefined,
    start: (context: ClientState['context'], options: O, track: iterators.Track) => AsyncGenerator<T, void, undefined>,
  ): AsyncIterable<T> {
    const { calls, context } = stateOf(this);
    return {
      [Symbol.asyncIterator]: () => {
        let inner: AsyncGenerator<T, void, undefined> | undefined;
        const begin = () =>
          (inner ??= (async function* () {
            const o = await calls.run(method, known, options, async (checked, signal) => ({ ...checked, signal }));
            yield* start(context, o, (fetch) => calls.lifecycle.run(fetch, o.signal));
          })());
        return {
          next: () => begin().next(),
          return: () => begin().return(undefined),
          throw: (error: unknown) => begin().throw(error),
          [Symbol.asyncIterator]() {
            return this;
          },
        } as AsyncIterableIterator<T>;
      },
    };
  }
}
