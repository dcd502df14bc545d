import type { SpotifyRef } from '../input.js';
import {
  downloadCanvas,
  downloadCover,
  downloadPreview,
  type DownloadCanvasOptions,
  type DownloadCoverOptions,
  type DownloadPreviewOptions,
  type EntityWithImages,
  type EntityWithPreview,
} from '../media/downloads.js';
import type { EntityByType, EntityType } from '../models/entities.js';
import type { Album, Artist, Canvas, Episode, Playlist, Show, Track } from '../models/index.js';
import { entityTypeOf } from './arguments.js';
import type { BatchResult } from './batch.js';
import {
  OPTION_NAMES,
  type BatchOptions,
  type CallOptions,
  type GetPlaylistOptions,
  type EpisodeBatchOptions,
  type GetShowOptions,
  type GetTrackOptions,
  type SignalOptions,
  type TrackBatchOptions,
} from './call-options.js';
import {
  episodeBatch,
  isrcOf,
  trackBatch,
  type EpisodeOf,
  type ListBatchResult,
  type TrackOf,
  type WithIsrc,
} from './catalogue.js';
import { chartOf } from './charts.js';
import { ClientCore, stateOf } from './core.js';
import { getEntity, type EntityOptions } from './entity-loader.js';
import { resolveRef } from './short-link.js';

/** The option names of each entity getter. */
const ENTITY_OPTION_NAMES: Readonly<Record<EntityType, readonly string[]>> = Object.freeze({
  track: OPTION_NAMES.call,
  album: OPTION_NAMES.call,
  artist: OPTION_NAMES.call,
  playlist: OPTION_NAMES.playlist,
  episode: OPTION_NAMES.call,
  show: OPTION_NAMES.show,
});

function downloadsOf(client: object) {
  const { context } = stateOf(client);
  return { http: context.http, maxBytes: context.options.maxMediaBytes };
}

/** The entity getters, their batch helpers and the downloads (SPEC §1). */
export class EntityMethods extends ClientCore {
  /**
   * A track: name, artists, duration, album, cover, preview URL and (with the partner API) play count,
   * track and disc number; with `externalIds: true`, its ISRC too (`isrc`, null when spclient has none).
   * @throws {NotFoundError} Spotify has no such track
   */
  getTrack<O extends GetTrackOptions>(value: string, options?: O): Promise<WithIsrc<O, Track>> {
    const { calls, context } = stateOf(this);
    return calls.run('getTrack', OPTION_NAMES.track, options, (o, signal) => {
      const track = getEntity(context, 'track', value, o, signal);
      if (o.externalIds !== true) return track as Promise<WithIsrc<O, Track>>;
      return track.then(
        async (found) =>
          ({ ...found, isrc: await isrcOf(context, { signal, fresh: o.fresh }, found.id) }) as WithIsrc<O, Track>,
      );
    });
  }

  /**
   * An album with all its tracks, label, release date, copyrights and cover.
   * @throws {NotFoundError} Spotify has no such album
   */
  getAlbum(value: string, options?: CallOptions): Promise<Album> {
    return this.get('album', value, options);
  }

  /**
   * An artist: biography, followers, monthly listeners, world rank, pictures and top tracks.
   * @throws {NotFoundError} Spotify has no such artist
   */
  getArtist(value: string, options?: CallOptions): Promise<Artist> {
    return this.get('artist', value, options);
  }

  /**
   * A playlist with its items (tracks or episodes), paged through the partner API up to `maxTracks`.
   * @param options `maxTracks` (default 100, `Infinity` for all), `signal`, `fresh`
   * @throws {NotFoundError} Spotify has no such playlist
   */
  getPlaylist(value: string, options?: GetPlaylistOptions): Promise<Playlist> {
    return this.get('playlist', value, options);
  }

  /**
   * A podcast episode: description, duration, release date, cover, preview and its show.
   * @throws {NotFoundError} Spotify has no such episode
   */
  getEpisode(value: string, options?: CallOptions): Promise<Episode> {
    return this.get('episode', value, options);
  }

  /**
   * A podcast show with its episodes, newest first, up to `maxEpisodes`.
   * @param options `maxEpisodes` (default 50, `Infinity` for all), `signal`, `fresh`
   * @throws {NotFoundError} Spotify has no such show
   */
  getShow(value: string, options?: GetShowOptions): Promise<Show> {
    return this.get('show', value, options);
  }

  /**
   * The entity of `type` (`'track'`, `'album'`, …): the getter of that type, for code that holds the
   * type as data (`get(ref.type, ref.id)`).
   * @throws {InvalidInputError} an unknown type, or a value of another type
   * @throws {NotFoundError} Spotify has no such entity
   */
  get<T extends EntityType>(type: T, value: string, options?: EntityOptions<T>): Promise<EntityByType[T]> {
    const known = ENTITY_OPTION_NAMES[type] ?? OPTION_NAMES.call;
    return stateOf(this).calls.run(`get ${String(type)}`, known, options, (o, signal) =>
      getEntity(stateOf(this).context, entityTypeOf(type), value, o, signal),
    );
  }

  /**
   * A value's type and id, as `parseSpotifyUrl` reads them; a short link (`spotify.link/…`) is
   * resolved with one request. A bare id has `type: null`.
   * @throws {NotFoundError} a short link that leads to no entity
   */
  resolve(value: string, options?: SignalOptions): Promise<SpotifyRef> {
    return stateOf(this).calls.run('resolve', OPTION_NAMES.signal, options, (_o, signal) =>
      resolveRef(stateOf(this).context.http, value, signal),
    );
  }

  /**
   * Tracks for many values, in input order. One failure never loses the others: each entry is
   * `{ value, ok: true, result, mode }` or `{ value, ok: false, error, mode }` (a bad value is its
   * entry's error). `detail: 'summary'` reads `TrackSummary` models 50 a request; the default `'full'`
   * reads `Track` models with one partner request each and their previews 50 a request (SPEC §11);
   * `mode` says how each value was read (`'list'`, `'entity'`: its own getter, `'cache'`).
   * @param options `detail`, `externalIds` (adds `isrc`), `concurrency` (requests at once; default the client's `maxConcurrency`), `onProgress`, `signal` (aborts the whole batch), `fresh`
   */
  getTracks<O extends TrackBatchOptions>(
    values: readonly string[],
    options?: O,
  ): Promise<Array<ListBatchResult<TrackOf<O>>>> {
    const { calls, context } = stateOf(this);
    return calls.run(
      'getTracks',
      OPTION_NAMES.trackBatch,
      options,
      (o, signal) => trackBatch(context, values, { ...o, signal }) as Promise<Array<ListBatchResult<TrackOf<O>>>>,
    );
  }

  /** Albums for many values, as `getTracks`. */
  getAlbums(values: readonly string[], options?: BatchOptions): Promise<Array<BatchResult<Album>>> {
    return stateOf(this).calls.batch('getAlbums', OPTION_NAMES.batch, values, options, (value, o) =>
      this.getAlbum(value, o),
    );
  }

  /** Artists for many values, as `getTracks`. */
  getArtists(values: readonly string[], options?: BatchOptions): Promise<Array<BatchResult<Artist>>> {
    return stateOf(this).calls.batch('getArtists', OPTION_NAMES.batch, values, options, (value, o) =>
      this.getArtist(value, o),
    );
  }

  /** Playlists for many values, as `getTracks`, each up to `maxTracks` items. */
  getPlaylists(
    values: readonly string[],
    options?: BatchOptions & Pick<GetPlaylistOptions, 'maxTracks'>,
  ): Promise<Array<BatchResult<Playlist>>> {
    return stateOf(this).calls.batch('getPlaylists', OPTION_NAMES.playlistBatch, values, options, (value, o) =>
      this.getPlaylist(value, o),
    );
  }

  /**
   * Episodes for many values, as `getTracks`: `detail: 'summary'` reads `EpisodeSummary` models 50 a
   * request (`decorateContextEpisodesOrChapters`); the default `'full'` reads each with its getter.
   */
  getEpisodes<O extends EpisodeBatchOptions>(
    values: readonly string[],
    options?: O,
  ): Promise<Array<ListBatchResult<EpisodeOf<O>>>> {
    const { calls, context } = stateOf(this);
    return calls.run(
      'getEpisodes',
      OPTION_NAMES.episodeBatch,
      options,
      (o, signal) => episodeBatch(context, values, { ...o, signal }) as Promise<Array<ListBatchResult<EpisodeOf<O>>>>,
    );
  }

  /** Shows for many values, as `getTracks`, each up to `maxEpisodes` episodes. */
  getShows(
    values: readonly string[],
    options?: BatchOptions & Pick<GetShowOptions, 'maxEpisodes'>,
  ): Promise<Array<BatchResult<Show>>> {
    return stateOf(this).calls.batch('getShows', OPTION_NAMES.showBatch, values, options, (value, o) =>
      this.getShow(value, o),
    );
  }

  /**
   * One of Spotify's chart playlists (`CHARTS` lists the keys): `getPlaylist` of its id.
   * @param key `'top-50-global'`, `'top-50-usa'`, `'top-songs-global'` or `'todays-top-hits'`
   * @param options as `getPlaylist`: `maxTracks` (default 100), `signal`, `fresh`
   * @throws {InvalidInputError} an unknown key (the message lists them)
   */
  getChart(key: string, options?: GetPlaylistOptions): Promise<Playlist> {
    return stateOf(this).calls.run('getChart', OPTION_NAMES.playlist, options, (o, signal) =>
      getEntity(stateOf(this).context, 'playlist', chartOf(key).playlistId, o, signal),
    );
  }

  /**
   * Downloads the entity's cover (a track without images uses its album's) into `dest`, created if
   * missing, through a temp file given its name when complete. Resolves to the absolute path written.
   * @param options `size` (`'largest'` or `'smallest'`), `filename`, `overwrite` (default: take a free name), `signal`
   * @throws {MediaError} no cover, a media URL off Spotify's hosts, a file that cannot be written
   * @throws {NotFoundError} the media host no longer serves the file
   */
  downloadCover(entity: EntityWithImages, dest: string, options?: DownloadCoverOptions): Promise<string> {
    return stateOf(this).calls.run('downloadCover', OPTION_NAMES.downloadCover, options, (o, signal) =>
      downloadCover(downloadsOf(this), entity, dest, { ...o, signal }),
    );
  }

  /**
   * Downloads a track's or episode's 30-second preview into `dest`; `embedCover` adds an ID3v2 tag with
   * title, artist (or show) and the largest cover. Resolves to the absolute path written.
   * @param options `filename`, `embedCover`, `overwrite` (default: take a free name), `signal`
   * @throws {MediaError} no preview (before any request), a media URL off Spotify's hosts, a file that cannot be written
   * @throws {NotFoundError} the media host no longer serves the preview
   */
  downloadPreview(entity: EntityWithPreview, dest: string, options?: DownloadPreviewOptions): Promise<string> {
    return stateOf(this).calls.run('downloadPreview', OPTION_NAMES.downloadPreview, options, (o, signal) =>
      downloadPreview(downloadsOf(this), entity, dest, { ...o, signal }),
    );
  }

  /**
   * Downloads a Canvas (from `getCanvas`) as an mp4 into `dest`, like the other downloads: through a temp
   * file, Spotify's media hosts only. Resolves to the absolute path written.
   * @param options `filename` (default `canvas-<track id>.mp4`), `overwrite` (default: take a free name), `signal`
   * @throws {MediaError} a media URL off Spotify's hosts, a file that cannot be written
   * @throws {NotFoundError} the media host no longer serves the file
   */
  downloadCanvas(canvas: Canvas, dest: string, options?: DownloadCanvasOptions): Promise<string> {
    return stateOf(this).calls.run('downloadCanvas', OPTION_NAMES.downloadCanvas, options, (o, signal) =>
      downloadCanvas(downloadsOf(this), canvas, dest, { ...o, signal }),
    );
  }
}
