import type { Dispatcher } from 'undici';
import { runBatch, type BatchResult } from './client/batch.js';
import { createClientParts, type LoaderContext } from './client/context.js';
import { bootstrapToken, loadEntity } from './client/entity-loader.js';
import * as discovery from './client/discovery.js';
import * as account from './client/account.js';
import { chartOf } from './client/charts.js';
import {
  OPTION_NAMES,
  type BatchOptions,
  type CallOptions,
  type DiscographyOptions,
  type GetPlaylistOptions,
  type GetShowOptions,
  type SearchOptions,
  type SignalOptions,
  type SimilarAlbumsOptions,
} from './client/call-options.js';
import { Lifecycle } from './client/lifecycle.js';
import { resolveId, resolveRef } from './client/short-link.js';
import { checkCallOptions, limitOption } from './client/arguments.js';
import { shareableSignal } from './client/signals.js';
import type { HostLimiter } from './http/rate-limit.js';
import {
  downloadCanvas,
  downloadCover,
  downloadPreview,
  type DownloadCanvasOptions,
  type DownloadCoverOptions,
  type DownloadPreviewOptions,
  type EntityWithImages,
  type EntityWithPreview,
} from './media/downloads.js';
import type { SpotifyRef } from './input.js';
import type { z } from 'zod';
import { ENTITY_SCHEMAS, type EntityByType, type EntityType } from './models/entities.js';
import type {
  Account,
  Album,
  Artist,
  ArtistSummary,
  Canvas,
  Colors,
  Concert,
  Credits,
  Episode,
  Image,
  Lyrics,
  Playlist,
  Release,
  SearchResults,
  Show,
  Track,
  Transcript,
  UserProfile,
} from './models/index.js';
import { DEFAULTS } from './defaults.js';
import { resolveOptions, type ClientOptions } from './options.js';
import type { ListLimits } from './parse/index.js';

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
  readonly #release: () => void;

  /**
   * @param options every field is optional; see {@link ClientOptions} for each one and its default
   * @throws {InvalidInputError} an unknown or invalid option, naming it
   */
  constructor(options: ClientOptions = {}) {
    const parts = createClientParts(resolveOptions(options), bootstrapToken);
    this.#context = parts.context;
    this.#dispatcher = parts.dispatcher;
    this.#ownsDispatcher = parts.ownsDispatcher;
    this.#limiter = parts.limiter;
    this.#release = parts.release;
  }

  /** True once `close()` was called. */
  get closed(): boolean {
    return this.#lifecycle.isClosed;
  }

  /**
   * A track: name, artists, duration, album, cover, preview URL and (with the partner API) play count, track and disc number.
   * @param value a bare id, a `spotify:track:` URI, an open.spotify.com URL or a `spotify.link` short link
   * @param options `signal` to cancel, `fresh` to skip the cache
   * @throws {InvalidInputError} a value that is not a track id, URI or URL, or a bad option, before any request
   * @throws {NotFoundError} Spotify has no such track
   * @throws {NetworkError} the request failed after its retries (a TimeoutError, HttpError or RateLimitedError)
   * @throws {ParseError} the page did not describe the track as expected
   * @throws {ClientClosedError} the client was closed
   */
  getTrack(value: string, options?: CallOptions): Promise<Track> {
    return this.#call('getTrack', OPTION_NAMES.call, options, (o, signal) => this.#load('track', value, o, signal));
  }

  /**
   * An album with all its tracks, label, release date, copyrights and cover.
   * @param value a bare id, a `spotify:album:` URI, an open.spotify.com URL or a `spotify.link` short link
   * @param options `signal` to cancel, `fresh` to skip the cache
   * @throws {InvalidInputError} a value that is not a album id, URI or URL, or a bad option, before any request
   * @throws {NotFoundError} Spotify has no such album
   * @throws {NetworkError} the request failed after its retries (a TimeoutError, HttpError or RateLimitedError)
   * @throws {ParseError} the page did not describe the album as expected
   * @throws {ClientClosedError} the client was closed
   */
  getAlbum(value: string, options?: CallOptions): Promise<Album> {
    return this.#call('getAlbum', OPTION_NAMES.call, options, (o, signal) => this.#load('album', value, o, signal));
  }

  /**
   * An artist: biography, followers, monthly listeners, world rank, pictures and top tracks.
   * @param value a bare id, a `spotify:artist:` URI, an open.spotify.com URL or a `spotify.link` short link
   * @param options `signal` to cancel, `fresh` to skip the cache
   * @throws {InvalidInputError} a value that is not a artist id, URI or URL, or a bad option, before any request
   * @throws {NotFoundError} Spotify has no such artist
   * @throws {NetworkError} the request failed after its retries (a TimeoutError, HttpError or RateLimitedError)
   * @throws {ParseError} the page did not describe the artist as expected
   * @throws {ClientClosedError} the client was closed
   */
  getArtist(value: string, options?: CallOptions): Promise<Artist> {
    return this.#call('getArtist', OPTION_NAMES.call, options, (o, signal) => this.#load('artist', value, o, signal));
  }

  /**
   * A playlist with its items (tracks or episodes), paged through the partner API up to `maxTracks`.
   * @param value a bare id, a `spotify:playlist:` URI, an open.spotify.com URL or a `spotify.link` short link
   * @param options `signal` to cancel, `fresh` to skip the cache; `maxTracks` (default 100, `Infinity` for all)
   * @throws {InvalidInputError} a value that is not a playlist id, URI or URL, or a bad option, before any request
   * @throws {NotFoundError} Spotify has no such playlist
   * @throws {NetworkError} the request failed after its retries (a TimeoutError, HttpError or RateLimitedError)
   * @throws {ParseError} the page did not describe the playlist as expected
   * @throws {ClientClosedError} the client was closed
   */
  getPlaylist(value: string, options?: GetPlaylistOptions): Promise<Playlist> {
    return this.#call('getPlaylist', OPTION_NAMES.playlist, options, (o, signal) =>
      this.#load('playlist', value, o, signal, {
        maxTracks: limitOption('maxTracks', o.maxTracks, DEFAULTS.maxTracks),
      }),
    );
  }

  /**
   * A podcast episode: description, duration, release date, cover, preview and its show.
   * @param value a bare id, a `spotify:episode:` URI, an open.spotify.com URL or a `spotify.link` short link
   * @param options `signal` to cancel, `fresh` to skip the cache
   * @throws {InvalidInputError} a value that is not a episode id, URI or URL, or a bad option, before any request
   * @throws {NotFoundError} Spotify has no such episode
   * @throws {NetworkError} the request failed after its retries (a TimeoutError, HttpError or RateLimitedError)
   * @throws {ParseError} the page did not describe the episode as expected
   * @throws {ClientClosedError} the client was closed
   */
  getEpisode(value: string, options?: CallOptions): Promise<Episode> {
    return this.#call('getEpisode', OPTION_NAMES.call, options, (o, signal) => this.#load('episode', value, o, signal));
  }

  /**
   * A podcast show with its episodes, newest first, up to `maxEpisodes`.
   * @param value a bare id, a `spotify:show:` URI, an open.spotify.com URL or a `spotify.link` short link
   * @param options `signal` to cancel, `fresh` to skip the cache; `maxEpisodes` (default 50, `Infinity` for all)
   * @throws {InvalidInputError} a value that is not a show id, URI or URL, or a bad option, before any request
   * @throws {NotFoundError} Spotify has no such show
   * @throws {NetworkError} the request failed after its retries (a TimeoutError, HttpError or RateLimitedError)
   * @throws {ParseError} the page did not describe the show as expected
   * @throws {ClientClosedError} the client was closed
   */
  getShow(value: string, options?: GetShowOptions): Promise<Show> {
    return this.#call('getShow', OPTION_NAMES.show, options, (o, signal) =>
      this.#load('show', value, o, signal, {
        maxEpisodes: limitOption('maxEpisodes', o.maxEpisodes, DEFAULTS.maxEpisodes),
      }),
    );
  }

  /**
   * A value's type and id, as `parseSpotifyUrl` reads them; a short link (`spotify.link/…`) is
   * resolved with one request. A bare id has `type: null`.
   * @throws {InvalidInputError} not a Spotify id, URI or URL
   * @throws {NotFoundError} a short link that leads to no entity
   */
  resolve(value: string, options?: SignalOptions): Promise<SpotifyRef> {
    return this.#call('resolve', OPTION_NAMES.signal, options, (_o, signal) =>
      resolveRef(this.#context.http, value, signal),
    );
  }

  /**
   * Tracks for many values, `concurrency` at a time, in input order. One failure never loses the others:
   * each entry is `{ value, ok: true, result }` or `{ value, ok: false, error }`.
   * @param options `concurrency` (default the client's `maxConcurrency`), `onProgress`, `signal` (aborts the whole batch), `fresh`
   * @throws {InvalidInputError} bad options (a bad value is that entry's `error`)
   */
  getTracks(values: readonly string[], options?: BatchOptions): Promise<Array<BatchResult<Track>>> {
    return this.#batch('getTracks', OPTION_NAMES.batch, values, options, (value, o) => this.getTrack(value, o));
  }

  /**
   * Albums for many values, `concurrency` at a time, in input order. One failure never loses the others:
   * each entry is `{ value, ok: true, result }` or `{ value, ok: false, error }`.
   * @param options `concurrency` (default the client's `maxConcurrency`), `onProgress`, `signal` (aborts the whole batch), `fresh`
   * @throws {InvalidInputError} bad options (a bad value is that entry's `error`)
   */
  getAlbums(values: readonly string[], options?: BatchOptions): Promise<Array<BatchResult<Album>>> {
    return this.#batch('getAlbums', OPTION_NAMES.batch, values, options, (value, o) => this.getAlbum(value, o));
  }

  /**
   * Artists for many values, `concurrency` at a time, in input order. One failure never loses the others:
   * each entry is `{ value, ok: true, result }` or `{ value, ok: false, error }`.
   * @param options `concurrency` (default the client's `maxConcurrency`), `onProgress`, `signal` (aborts the whole batch), `fresh`
   * @throws {InvalidInputError} bad options (a bad value is that entry's `error`)
   */
  getArtists(values: readonly string[], options?: BatchOptions): Promise<Array<BatchResult<Artist>>> {
    return this.#batch('getArtists', OPTION_NAMES.batch, values, options, (value, o) => this.getArtist(value, o));
  }

  /**
   * Playlists for many values, `concurrency` at a time, in input order. One failure never loses the others:
   * each entry is `{ value, ok: true, result }` or `{ value, ok: false, error }`.
   * @param options `concurrency` (default the client's `maxConcurrency`), `onProgress`, `signal` (aborts the whole batch), `fresh`, `maxTracks`
   * @throws {InvalidInputError} bad options (a bad value is that entry's `error`)
   */
  getPlaylists(
    values: readonly string[],
    options?: BatchOptions & Pick<GetPlaylistOptions, 'maxTracks'>,
  ): Promise<Array<BatchResult<Playlist>>> {
    return this.#batch('getPlaylists', OPTION_NAMES.playlistBatch, values, options, (value, o) =>
      this.getPlaylist(value, { ...o, maxTracks: options?.maxTracks }),
    );
  }

  /**
   * Episodes for many values, `concurrency` at a time, in input order. One failure never loses the others:
   * each entry is `{ value, ok: true, result }` or `{ value, ok: false, error }`.
   * @param options `concurrency` (default the client's `maxConcurrency`), `onProgress`, `signal` (aborts the whole batch), `fresh`
   * @throws {InvalidInputError} bad options (a bad value is that entry's `error`)
   */
  getEpisodes(values: readonly string[], options?: BatchOptions): Promise<Array<BatchResult<Episode>>> {
    return this.#batch('getEpisodes', OPTION_NAMES.batch, values, options, (value, o) => this.getEpisode(value, o));
  }

  /**
   * Shows for many values, `concurrency` at a time, in input order. One failure never loses the others:
   * each entry is `{ value, ok: true, result }` or `{ value, ok: false, error }`.
   * @param options `concurrency` (default the client's `maxConcurrency`), `onProgress`, `signal` (aborts the whole batch), `fresh`, `maxEpisodes`
   * @throws {InvalidInputError} bad options (a bad value is that entry's `error`)
   */
  getShows(
    values: readonly string[],
    options?: BatchOptions & Pick<GetShowOptions, 'maxEpisodes'>,
  ): Promise<Array<BatchResult<Show>>> {
    return this.#batch('getShows', OPTION_NAMES.showBatch, values, options, (value, o) =>
      this.getShow(value, { ...o, maxEpisodes: options?.maxEpisodes }),
    );
  }

  /**
   * Searches Spotify: one page of hits per type (tracks, albums, artists, playlists, shows, episodes),
   * each a summary, with the totals Spotify counts.
   * @param query what to search for (trimmed; at most 500 characters)
   * @param options `types` (default all six), `limit` per type (1-100, default 20), `offset`, `signal`, `fresh`
   * @throws {InvalidInputError} a bad value or option, before any request
   * @throws {NotFoundError} Spotify does not know the entity
   * @throws {NetworkError} the request failed after its retries
   * @throws {ParseError} the answer was not as expected (a rotated hash names the `operations` key to override)
   */
  search(query: string, options?: SearchOptions): Promise<SearchResults> {
    return this.#call('search', OPTION_NAMES.search, options, (o, signal) =>
      discovery.search(this.#context, query, { ...o, signal }),
    );
  }

  /**
   * An artist's releases (albums, singles, EPs, compilations), newest first, up to `maxReleases`.
   * @param options `maxReleases` (default all), `signal`, `fresh`
   * @throws {InvalidInputError} a bad value or option, before any request
   * @throws {NotFoundError} Spotify does not know the entity
   * @throws {NetworkError} the request failed after its retries
   * @throws {ParseError} the answer was not as expected (a rotated hash names the `operations` key to override)
   */
  getArtistDiscography(value: string, options?: DiscographyOptions): Promise<Release[]> {
    return this.#call('getArtistDiscography', OPTION_NAMES.discography, options, (o, signal) =>
      discovery.getArtistDiscography(this.#context, value, { ...o, signal }),
    );
  }

  /**
   * Artists Spotify relates to this one ("Fans also like").
   * @throws {InvalidInputError} a bad value or option, before any request
   * @throws {NotFoundError} Spotify does not know the entity
   * @throws {NetworkError} the request failed after its retries
   * @throws {ParseError} the answer was not as expected (a rotated hash names the `operations` key to override)
   */
  getRelatedArtists(value: string, options?: CallOptions): Promise<ArtistSummary[]> {
    return this.#call('getRelatedArtists', OPTION_NAMES.call, options, (o, signal) =>
      discovery.getRelatedArtists(this.#context, value, { ...o, signal }),
    );
  }

  /**
   * Albums Spotify recommends from a track.
   * @param options `limit` (1-100, default 10), `signal`, `fresh`
   * @throws {InvalidInputError} a bad value or option, before any request
   * @throws {NotFoundError} Spotify does not know the entity
   * @throws {NetworkError} the request failed after its retries
   * @throws {ParseError} the answer was not as expected (a rotated hash names the `operations` key to override)
   */
  getSimilarAlbums(trackValue: string, options?: SimilarAlbumsOptions): Promise<Release[]> {
    return this.#call('getSimilarAlbums', OPTION_NAMES.similar, options, (o, signal) =>
      discovery.getSimilarAlbums(this.#context, trackValue, { ...o, signal }),
    );
  }

  /**
   * The concerts Spotify lists for an artist.
   * @throws {InvalidInputError} a bad value or option, before any request
   * @throws {NotFoundError} Spotify does not know the entity
   * @throws {NetworkError} the request failed after its retries
   * @throws {ParseError} the answer was not as expected (a rotated hash names the `operations` key to override)
   */
  getArtistConcerts(value: string, options?: CallOptions): Promise<Concert[]> {
    return this.#call('getArtistConcerts', OPTION_NAMES.call, options, (o, signal) =>
      discovery.getArtistConcerts(this.#context, value, { ...o, signal }),
    );
  }

  /**
   * The colours Spotify extracts from a picture (raw, dark and light, `#RRGGBB`).
   * @param imageOrEntity an `https://i.scdn.co/image/<id>` URL, a `spotify:image:<id>` URI, or any model with images (its largest)
   * @throws {InvalidInputError} a bad value or option, before any request
   * @throws {NotFoundError} Spotify does not know the entity
   * @throws {NetworkError} the request failed after its retries
   * @throws {ParseError} the answer was not as expected (a rotated hash names the `operations` key to override)
   */
  getColors(imageOrEntity: string | { readonly images: readonly Image[] }, options?: CallOptions): Promise<Colors> {
    return this.#call('getColors', OPTION_NAMES.call, options, (o, signal) =>
      discovery.getColors(this.#context, imageOrEntity, { ...o, signal }),
    );
  }

  /**
   * A track's credits (performers, writers, producers, with their roles), keyless from the partner API;
   * with `cookies`, spclient answers when the partner API does not.
   * @throws {InvalidInputError} a value that is not a track id, URI or URL, or a bad option, before any request
   * @throws {NotFoundError} Spotify has no such track
   * @throws {NetworkError} the request failed after its retries
   * @throws {ParseError} the answer was not as expected (a rotated hash names the `operations` key to override)
   */
  getCredits(trackValue: string, options?: CallOptions): Promise<Credits> {
    return this.#call('getCredits', OPTION_NAMES.call, options, (o, signal) =>
      account.getCredits(this.#context, trackValue, { ...o, signal }),
    );
  }

  /**
   * One of Spotify's chart playlists (`CHARTS` lists the keys): `getPlaylist` of its id.
   * @param key `'top-50-global'`, `'top-50-usa'`, `'top-songs-global'` or `'todays-top-hits'`
   * @param options as `getPlaylist`: `maxTracks` (default 100), `signal`, `fresh`
   * @throws {InvalidInputError} an unknown key (the message lists them) or a bad option, before any request
   */
  getChart(key: string, options?: GetPlaylistOptions): Promise<Playlist> {
    return this.#call('getChart', OPTION_NAMES.playlist, options, (o, signal) => {
      const chart = chartOf(key);
      return this.#load('playlist', chart.playlistId, o, signal, {
        maxTracks: limitOption('maxTracks', o.maxTracks, DEFAULTS.maxTracks),
      });
    });
  }

  /**
   * A track's lyrics, with their timing when Spotify syncs them (needs `cookies`; a free account gets a
   * short unsynced preview, `preview: true`). `toLrc` writes them as LRC.
   * @throws {AuthenticationError} no `cookies` (before any request), a rejected cookie, stale TOTP secrets
   * @throws {InvalidInputError} a value that is not a track id, URI or URL, or a bad option, before any request
   * @throws {NotFoundError} Spotify has no lyrics for the track
   * @throws {NetworkError} the request failed after its retries
   */
  getLyrics(trackValue: string, options?: CallOptions): Promise<Lyrics> {
    return this.#call('getLyrics', OPTION_NAMES.call, options, (o, signal) =>
      account.getLyrics(this.#context, trackValue, { ...o, signal }),
    );
  }

  /**
   * A track's Canvas (the looping video behind it in the app), or null when it has none. Asked with the
   * account token when the client has `cookies`, else with the anonymous one.
   * @throws {AuthenticationError} the partner API wants an account for it (give `cookies`)
   * @throws {InvalidInputError} a value that is not a track id, URI or URL, or a bad option, before any request
   * @throws {NetworkError} the request failed after its retries
   * @throws {ParseError} the answer was not as expected (a rotated hash names the `operations` key to override)
   */
  getCanvas(trackValue: string, options?: CallOptions): Promise<Canvas | null> {
    return this.#call('getCanvas', OPTION_NAMES.call, options, (o, signal) =>
      account.getCanvas(this.#context, trackValue, { ...o, signal }),
    );
  }

  /**
   * A podcast episode's transcript: chapter titles, sentences and fallbacks ("[Music]"), each with its
   * start (needs `cookies`).
   * @throws {AuthenticationError} no `cookies` (before any request), a rejected cookie, stale TOTP secrets
   * @throws {InvalidInputError} a value that is not an episode id, URI or URL, or a bad option, before any request
   * @throws {NotFoundError} the episode has no transcript
   * @throws {NetworkError} the request failed after its retries
   */
  getTranscript(episodeValue: string, options?: CallOptions): Promise<Transcript> {
    return this.#call('getTranscript', OPTION_NAMES.call, options, (o, signal) =>
      account.getTranscript(this.#context, episodeValue, { ...o, signal }),
    );
  }

  /**
   * A user's public profile: name, picture, followers and public playlists (needs `cookies`).
   * @param userValue `spotify:user:<id>`, `https://open.spotify.com/user/<id>` or a bare user id (`spotify`, `smedjan`)
   * @throws {AuthenticationError} no `cookies` (before any request), a rejected cookie, stale TOTP secrets
   * @throws {InvalidInputError} not a user id, URI or URL, or a bad option, before any request
   * @throws {NotFoundError} Spotify has no such user
   * @throws {NetworkError} the request failed after its retries
   */
  getUser(userValue: string, options?: CallOptions): Promise<UserProfile> {
    return this.#call('getUser', OPTION_NAMES.call, options, (o, signal) =>
      account.getUser(this.#context, userValue, { ...o, signal }),
    );
  }

  /**
   * The state of the cookie's account: product (premium, free, …), country, ads. Never cached.
   * @throws {AuthenticationError} no `cookies` (before any request), a rejected cookie, stale TOTP secrets
   * @throws {NetworkError} the request failed after its retries
   */
  getAccount(options?: SignalOptions): Promise<Account> {
    return this.#call('getAccount', OPTION_NAMES.signal, options, (o, signal) =>
      account.getAccount(this.#context, { ...o, signal }),
    );
  }

  /**
   * Lyrics for many tracks, `concurrency` at a time, in input order; each entry `{ value, ok, result | error }`.
   * @throws {InvalidInputError} bad options (a bad value is that entry's `error`)
   */
  getLyricsMany(values: readonly string[], options?: BatchOptions): Promise<Array<BatchResult<Lyrics>>> {
    return this.#batch('getLyricsMany', OPTION_NAMES.batch, values, options, (value, o) => this.getLyrics(value, o));
  }

  /**
   * Credits for many tracks, `concurrency` at a time, in input order; each entry `{ value, ok, result | error }`.
   * @throws {InvalidInputError} bad options (a bad value is that entry's `error`)
   */
  getCreditsMany(values: readonly string[], options?: BatchOptions): Promise<Array<BatchResult<Credits>>> {
    return this.#batch('getCreditsMany', OPTION_NAMES.batch, values, options, (value, o) => this.getCredits(value, o));
  }

  /**
   * Canvases for many tracks (null for a track without one), `concurrency` at a time, in input order.
   * @throws {InvalidInputError} bad options (a bad value is that entry's `error`)
   */
  getCanvasMany(values: readonly string[], options?: BatchOptions): Promise<Array<BatchResult<Canvas | null>>> {
    return this.#batch('getCanvasMany', OPTION_NAMES.batch, values, options, (value, o) => this.getCanvas(value, o));
  }

  /**
   * Transcripts for many episodes, `concurrency` at a time, in input order.
   * @throws {InvalidInputError} bad options (a bad value is that entry's `error`)
   */
  getTranscriptMany(values: readonly string[], options?: BatchOptions): Promise<Array<BatchResult<Transcript>>> {
    return this.#batch('getTranscriptMany', OPTION_NAMES.batch, values, options, (value, o) =>
      this.getTranscript(value, o),
    );
  }

  /**
   * Profiles for many users, `concurrency` at a time, in input order.
   * @throws {InvalidInputError} bad options (a bad value is that entry's `error`)
   */
  getUserMany(values: readonly string[], options?: BatchOptions): Promise<Array<BatchResult<UserProfile>>> {
    return this.#batch('getUserMany', OPTION_NAMES.batch, values, options, (value, o) => this.getUser(value, o));
  }

  /**
   * Downloads the entity's cover (a track without images uses its album's) into `dest`, created if
   * missing, through a temp file given its name when complete. Resolves to the absolute path written.
   * @param options `size` (`'largest'` or `'smallest'`), `filename`, `overwrite` (default: take a free name), `signal`
   * @throws {MediaError} no cover, a media URL off Spotify's hosts, a file that cannot be written
   * @throws {NotFoundError} the media host no longer serves the file
   * @throws {NetworkError} the download failed after its retries
   */
  downloadCover(entity: EntityWithImages, dest: string, options?: DownloadCoverOptions): Promise<string> {
    return this.#call('downloadCover', OPTION_NAMES.downloadCover, options, (o, signal) =>
      downloadCover(this.#downloads(), entity, dest, { ...o, signal }),
    );
  }

  /**
   * Downloads a track's or episode's 30-second preview into `dest`; `embedCover` adds an ID3v2 tag with
   * title, artist (or show) and the largest cover. Resolves to the absolute path written.
   * @param options `filename`, `embedCover`, `overwrite` (default: take a free name), `signal`
   * @throws {MediaError} no preview (before any request), a media URL off Spotify's hosts, a file that cannot be written
   * @throws {NotFoundError} the media host no longer serves the preview
   * @throws {NetworkError} the download failed after its retries
   */
  downloadPreview(entity: EntityWithPreview, dest: string, options?: DownloadPreviewOptions): Promise<string> {
    return this.#call('downloadPreview', OPTION_NAMES.downloadPreview, options, (o, signal) =>
      downloadPreview(this.#downloads(), entity, dest, { ...o, signal }),
    );
  }

  /**
   * Downloads a Canvas (from `getCanvas`) as an mp4 into `dest`, like the other downloads: through a temp
   * file, Spotify's media hosts only. Resolves to the absolute path written.
   * @param options `filename` (default `canvas-<track id>.mp4`), `overwrite` (default: take a free name), `signal`
   * @throws {InvalidInputError} not a Canvas returned by getCanvas, or a bad option
   * @throws {MediaError} a media URL off Spotify's hosts, a file that cannot be written
   * @throws {NotFoundError} the media host no longer serves the file
   * @throws {NetworkError} the download failed after its retries
   */
  downloadCanvas(canvas: Canvas, dest: string, options?: DownloadCanvasOptions): Promise<string> {
    return this.#call('downloadCanvas', OPTION_NAMES.downloadCanvas, options, (o, signal) =>
      downloadCanvas(this.#downloads(), canvas, dest, { ...o, signal }),
    );
  }

  /**
   * Refuses new calls, lets calls in flight finish, then frees the sockets of the client's own
   * dispatcher (a borrowed `dispatcher` is left open). Idempotent.
   */
  close(): Promise<void> {
    return this.#lifecycle.close(async () => {
      this.#release();
      await this.#limiter.close?.();
      if (this.#ownsDispatcher) await this.#dispatcher.close();
    });
  }

  /** `await using client = new AsyncSpotifyClient()` closes the client at the end of the scope. */
  [asyncDispose](): Promise<void> {
    return this.close();
  }

  /**
   * One tracked call: refused after close; its options checked (a bad one is an InvalidInputError); its
   * signal linked once for all calls that share it; not started when that signal has already aborted.
   */
  #call<O extends SignalOptions, T>(
    method: string,
    known: readonly string[],
    options: O | undefined,
    work: (options: O, signal: AbortSignal | undefined) => Promise<T>,
  ): Promise<T> {
    // Options are read first so that a queued call can listen to its signal; a closed client still
    // answers ClientClosedError before any complaint about them.
    let checked: O;
    let signal: AbortSignal | undefined;
    try {
      checked = checkCallOptions(options, known, method);
      signal = shareableSignal(checked.signal);
    } catch (error) {
      return this.#lifecycle.run(() => Promise.reject(error as Error));
    }
    return this.#lifecycle.run(() => {
      // Not an async function: the call's own promise is returned as it is (no extra turns on a hit).
      try {
        signal?.throwIfAborted();
        return work(checked, signal);
      } catch (error) {
        return Promise.reject(error as Error);
      }
    }, signal);
  }

  #load<T extends EntityType>(
    type: T,
    value: string,
    options: CallOptions,
    signal: AbortSignal | undefined,
    given: Partial<ListLimits> = {},
  ): Promise<EntityByType[T]> {
    // A value that is not a short link is parsed at once (a short link costs a request).
    try {
      // The work starts a turn later even for an id parsed at once: started in the caller's turn, 10,000
      // calls made at once peaked at a third more memory in about half the runs (bench memory).
      const id = resolveId(this.#context.http, type, value, signal);
      return Promise.resolve(id).then((resolved) => this.#loadId(type, resolved, options, signal, given));
    } catch (error) {
      return Promise.reject(error as Error);
    }
  }

  #loadId<T extends EntityType>(
    type: T,
    id: string,
    options: CallOptions,
    signal: AbortSignal | undefined,
    given: Partial<ListLimits>,
  ): Promise<EntityByType[T]> {
    const limits = { maxTracks: given.maxTracks ?? Infinity, maxEpisodes: given.maxEpisodes ?? Infinity };
    // The key holds the limit that changes the result (maxTracks for playlists, maxEpisodes for shows).
    const limit = type === 'playlist' ? limits.maxTracks : type === 'show' ? limits.maxEpisodes : null;
    const parts = [type, id, limit === Infinity ? 'all' : limit];
    const schema = ENTITY_SCHEMAS[type] as unknown as z.ZodType<EntityByType[T]>;
    return this.#context.remember(parts, schema, { fresh: options.fresh, signal }, (inner, outcome) =>
      loadEntity(this.#context, type, id, { signal: inner, limits, outcome }),
    );
  }

  #downloads() {
    return { http: this.#context.http, maxBytes: this.#context.options.maxMediaBytes };
  }

  /** A batch: its options checked once, each value fetched with the batch's signal and `fresh`. */
  async #batch<T>(
    method: string,
    known: readonly string[],
    values: readonly string[],
    options: BatchOptions | undefined,
    fetchOne: (value: string, options: CallOptions) => Promise<T>,
  ): Promise<Array<BatchResult<T>>> {
    const checked = checkCallOptions(options, known, method);
    const signal = shareableSignal(checked.signal);
    const { fresh } = checked;
    return runBatch(values, { ...checked, signal }, this.#context.options.maxConcurrency, (value, inner) =>
      fetchOne(value, { signal: inner, fresh }),
    );
  }
}
