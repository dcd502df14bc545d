import type { Dispatcher } from 'undici';
import { runBatch, type BatchOptions, type BatchResult } from './client/batch.js';
import { bootstrapToken, loadEntity, type LoaderContext } from './client/entity-loader.js';
import * as discovery from './client/discovery.js';
import type { CallOptions, DiscographyOptions, SearchOptions, SimilarAlbumsOptions } from './client/discovery.js';
import { Lifecycle } from './client/lifecycle.js';
import { resolveId, resolveRef } from './client/short-link.js';
import { ResultCache } from './client/result-cache.js';
import { rememberer } from './client/remember.js';
import { SingleFlight } from './client/single-flight.js';
import { checkCallOptions, limitOption } from './client/arguments.js';
import { shareableSignal, withSignal } from './client/signals.js';
import { CONNECTIONS_PER_HOST, chooseDispatcher } from './http/dispatcher.js';
import { HostGate } from './http/host-gate.js';
import { HttpClient } from './http/http-client.js';
import { FleetLimiter } from './http/fleet/fleet-limiter.js';
import { HostRateLimiter, type HostLimiter } from './http/rate-limit.js';
import {
  downloadCover,
  downloadPreview,
  type DownloadCoverOptions,
  type DownloadPreviewOptions,
  type EntityWithImages,
  type EntityWithPreview,
} from './media/downloads.js';
import type { SpotifyRef } from './input.js';
import type { z } from 'zod';
import { ENTITY_SCHEMAS, type EntityByType, type EntityType } from './models/entities.js';
import type {
  Album,
  Artist,
  ArtistSummary,
  Colors,
  Concert,
  Episode,
  Image,
  Playlist,
  Release,
  SearchResults,
  Show,
  Track,
} from './models/index.js';
import { resolveOptions, type ClientOptions } from './options.js';
import type { ListLimits } from './parse/index.js';
import { AccessTokens } from './partner/token.js';

/** Options of every getter. */
export interface GetOptions {
  /** Aborts the call: it then rejects with `signal.reason`. */
  signal?: AbortSignal;
  /** Skip the cache (when the client has one) and fetch; the result refreshes the entry. @default false */
  fresh?: boolean;
}

/** Options of `getPlaylist`. */
export interface GetPlaylistOptions extends GetOptions {
  /** How many items to return at most; `Infinity` for all. @default 100 */
  maxTracks?: number;
}

/** Options of `getShow`. */
export interface GetShowOptions extends GetOptions {
  /** How many episodes to return at most; `Infinity` for all. @default 50 */
  maxEpisodes?: number;
}

const DEFAULT_MAX_TRACKS = 100;
const DEFAULT_MAX_EPISODES = 50;
const asyncDispose: typeof Symbol.asyncDispose = Symbol.asyncDispose ?? Symbol.for('nodejs.asyncDispose');

/**
 * Reads public Spotify metadata from the pages Spotify serves for embeds (and the partner API those
 * pages use), behind a per-host rate limiter and a retry policy. One client shares one connection pool:
 * create it once, use it for many calls, close it (or `await using` it) when done.
 */
export class AsyncSpotifyClient {
  readonly #context: LoaderContext;
  readonly #dispatcher: Dispatcher;
  readonly #ownsDispatcher: boolean;
  readonly #lifecycle = new Lifecycle();
  readonly #limiter: HostLimiter;

  constructor(options: ClientOptions = {}) {
    const resolved = resolveOptions(options);
    const { dispatcher, owned } = chooseDispatcher(resolved.dispatcher, resolved.proxy, resolved.timeout);
    this.#dispatcher = dispatcher;
    this.#ownsDispatcher = owned;
    const { clock } = resolved;
    const limits = new HostRateLimiter(resolved.rateLimit, resolved.hostRateLimits, clock);
    this.#limiter = resolved.fleet
      ? new FleetLimiter(limits, resolved.fleet, clock, (message) => resolved.onWarning?.(message))
      : limits;
    const http = new HttpClient({
      dispatcher,
      limiter: this.#limiter,
      gate: new HostGate(CONNECTIONS_PER_HOST),
      retry: resolved.retry,
      clock,
      timeoutMs: resolved.timeout,
      headers: resolved.headers,
      onRetry: resolved.onRetry,
    });
    const tokens = new AccessTokens({ now: () => clock.now(), bootstrap: () => bootstrapToken(this.#context) });
    const cache = resolved.cache
      ? new ResultCache(
          resolved.cache,
          () => clock.now(),
          (message) => resolved.onWarning?.(message),
        )
      : null;
    const remember = rememberer(cache, new SingleFlight(), {
      locale: resolved.headers['accept-language'],
      partnerApi: resolved.partnerApi,
    });
    this.#context = { http, options: resolved, tokens, remember };
  }

  /** True once `close()` was called. */
  get closed(): boolean {
    return this.#lifecycle.isClosed;
  }

  getTrack(value: string, options?: GetOptions): Promise<Track> {
    return this.#call(options, (o, signal) => this.#load('track', value, o, signal));
  }

  getAlbum(value: string, options?: GetOptions): Promise<Album> {
    return this.#call(options, (o, signal) => this.#load('album', value, o, signal));
  }

  getArtist(value: string, options?: GetOptions): Promise<Artist> {
    return this.#call(options, (o, signal) => this.#load('artist', value, o, signal));
  }

  getPlaylist(value: string, options?: GetPlaylistOptions): Promise<Playlist> {
    return this.#call(options, (o, signal) =>
      this.#load('playlist', value, o, signal, {
        maxTracks: limitOption('maxTracks', o.maxTracks, DEFAULT_MAX_TRACKS),
      }),
    );
  }

  getEpisode(value: string, options?: GetOptions): Promise<Episode> {
    return this.#call(options, (o, signal) => this.#load('episode', value, o, signal));
  }

  getShow(value: string, options?: GetShowOptions): Promise<Show> {
    return this.#call(options, (o, signal) =>
      this.#load('show', value, o, signal, {
        maxEpisodes: limitOption('maxEpisodes', o.maxEpisodes, DEFAULT_MAX_EPISODES),
      }),
    );
  }

  /**
   * A value's type and id, as `parseSpotifyUrl` reads them; a short link (`spotify.link/…`) is
   * resolved with one request. A bare id has `type: null`.
   */
  resolve(value: string, options?: CallOptions): Promise<SpotifyRef> {
    return this.#call(options, (_o, signal) => resolveRef(this.#context.http, value, signal));
  }

  getTracks(values: readonly string[], options?: BatchOptions): Promise<Array<BatchResult<Track>>> {
    return this.#batch(values, options, (value, signal) => this.getTrack(value, withSignal(signal)));
  }

  getAlbums(values: readonly string[], options?: BatchOptions): Promise<Array<BatchResult<Album>>> {
    return this.#batch(values, options, (value, signal) => this.getAlbum(value, withSignal(signal)));
  }

  getArtists(values: readonly string[], options?: BatchOptions): Promise<Array<BatchResult<Artist>>> {
    return this.#batch(values, options, (value, signal) => this.getArtist(value, withSignal(signal)));
  }

  getPlaylists(
    values: readonly string[],
    options?: BatchOptions & Pick<GetPlaylistOptions, 'maxTracks'>,
  ): Promise<Array<BatchResult<Playlist>>> {
    return this.#batch(values, options, (value, signal, { maxTracks }) =>
      this.getPlaylist(value, { ...withSignal(signal), ...(maxTracks === undefined ? {} : { maxTracks }) }),
    );
  }

  getEpisodes(values: readonly string[], options?: BatchOptions): Promise<Array<BatchResult<Episode>>> {
    return this.#batch(values, options, (value, signal) => this.getEpisode(value, withSignal(signal)));
  }

  getShows(
    values: readonly string[],
    options?: BatchOptions & Pick<GetShowOptions, 'maxEpisodes'>,
  ): Promise<Array<BatchResult<Show>>> {
    return this.#batch(values, options, (value, signal, { maxEpisodes }) =>
      this.getShow(value, { ...withSignal(signal), ...(maxEpisodes === undefined ? {} : { maxEpisodes }) }),
    );
  }

  /** Searches Spotify: one page of hits per type (tracks, albums, artists, playlists, shows, episodes). */
  search(query: string, options?: SearchOptions): Promise<SearchResults> {
    return this.#call(options, (o, signal) => discovery.search(this.#context, query, { ...o, signal }));
  }

  /** An artist's releases (albums, singles, EPs, compilations), newest first, up to `maxReleases`. */
  getArtistDiscography(value: string, options?: DiscographyOptions): Promise<Release[]> {
    return this.#call(options, (o, signal) => discovery.getArtistDiscography(this.#context, value, { ...o, signal }));
  }

  /** Artists Spotify relates to this one ("Fans also like"). */
  getRelatedArtists(value: string, options?: CallOptions): Promise<ArtistSummary[]> {
    return this.#call(options, (_o, signal) => discovery.getRelatedArtists(this.#context, value, { signal }));
  }

  /** Albums Spotify recommends from a track. */
  getSimilarAlbums(trackValue: string, options?: SimilarAlbumsOptions): Promise<Release[]> {
    return this.#call(options, (o, signal) => discovery.getSimilarAlbums(this.#context, trackValue, { ...o, signal }));
  }

  /** The concerts Spotify lists for an artist. */
  getArtistConcerts(value: string, options?: CallOptions): Promise<Concert[]> {
    return this.#call(options, (_o, signal) => discovery.getArtistConcerts(this.#context, value, { signal }));
  }

  /** The colours Spotify extracts from a picture: an image URL, a `spotify:image:` URI or any model with images. */
  getColors(imageOrEntity: string | { readonly images: readonly Image[] }, options?: CallOptions): Promise<Colors> {
    return this.#call(options, (_o, signal) => discovery.getColors(this.#context, imageOrEntity, { signal }));
  }

  /**
   * Downloads the entity's cover (a track without images uses its album's) into `dest`, created if
   * missing, through a temp file given its name when complete. Resolves to the absolute path written.
   */
  downloadCover(entity: EntityWithImages, dest: string, options?: DownloadCoverOptions): Promise<string> {
    return this.#call(options, (o, signal) =>
      downloadCover(this.#downloads(), entity, dest, { ...o, ...withSignal(signal) }),
    );
  }

  /**
   * Downloads a track's or episode's 30-second preview into `dest`; `embedCover` adds an ID3v2 tag with
   * title, artist (or show) and the largest cover. No preview is a MediaError before any request.
   */
  downloadPreview(entity: EntityWithPreview, dest: string, options?: DownloadPreviewOptions): Promise<string> {
    return this.#call(options, (o, signal) =>
      downloadPreview(this.#downloads(), entity, dest, { ...o, ...withSignal(signal) }),
    );
  }

  /**
   * Refuses new calls, lets calls in flight finish, then frees the sockets of the client's own
   * dispatcher (a borrowed `dispatcher` is left open). Idempotent.
   */
  close(): Promise<void> {
    return this.#lifecycle.close(async () => {
      await this.#limiter.close?.();
      if (this.#ownsDispatcher) await this.#dispatcher.close();
    });
  }

  [asyncDispose](): Promise<void> {
    return this.close();
  }

  /**
   * One tracked call: refused after close; its options checked (a bad one is an InvalidInputError); its
   * signal linked once for all calls that share it; not started when that signal has already aborted.
   */
  #call<O extends CallOptions, T>(
    options: O | undefined,
    work: (options: O, signal: AbortSignal | undefined) => Promise<T>,
  ): Promise<T> {
    // Options are read first so that a queued call can listen to its signal; a closed client still
    // answers ClientClosedError before any complaint about them.
    let checked: O;
    let signal: AbortSignal | undefined;
    try {
      checked = checkCallOptions(options);
      signal = shareableSignal(checked.signal);
    } catch (error) {
      return this.#lifecycle.run(() => Promise.reject(error as Error));
    }
    return this.#lifecycle.run(async () => {
      signal?.throwIfAborted();
      return work(checked, signal);
    }, signal);
  }

  async #load<T extends EntityType>(
    type: T,
    value: string,
    options: GetOptions,
    signal: AbortSignal | undefined,
    given: Partial<ListLimits> = {},
  ): Promise<EntityByType[T]> {
    const id = await resolveId(this.#context.http, type, value, signal);
    const limits = { maxTracks: given.maxTracks ?? Infinity, maxEpisodes: given.maxEpisodes ?? Infinity };
    // The key holds the limit that changes the result (maxTracks for playlists, maxEpisodes for shows).
    const limit = type === 'playlist' ? limits.maxTracks : type === 'show' ? limits.maxEpisodes : null;
    const parts = [type, id, limit === Infinity ? 'all' : limit];
    const schema = ENTITY_SCHEMAS[type] as unknown as z.ZodType<EntityByType[T]>;
    return this.#context.remember(parts, schema, { fresh: options.fresh, signal }, (inner) =>
      loadEntity(this.#context, type, id, { signal: inner, limits }),
    );
  }

  #downloads() {
    return { http: this.#context.http, maxBytes: this.#context.options.maxMediaBytes };
  }

  async #batch<O extends BatchOptions, T>(
    values: readonly string[],
    options: O | undefined,
    fetchOne: (value: string, signal: AbortSignal | undefined, options: O) => Promise<T>,
  ): Promise<Array<BatchResult<T>>> {
    const checked = checkCallOptions(options);
    const signal = shareableSignal(checked.signal);
    return runBatch(
      values,
      { ...checked, ...withSignal(signal) },
      this.#context.options.maxConcurrency,
      (value, inner) => fetchOne(value, inner, checked),
    );
  }
}
