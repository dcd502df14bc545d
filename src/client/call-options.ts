import type { DownloadCanvasOptions, DownloadCoverOptions, DownloadPreviewOptions } from '../media/downloads.js';
import type { SearchType } from '../models/search-results.js';

/** The options a call that can be cancelled takes. */
export interface SignalOptions {
  /** Aborts the call: it then rejects with `signal.reason`. */
  signal?: AbortSignal | undefined;
}

/** Options of every getter and discovery call: what every method's options extend. */
export interface CallOptions extends SignalOptions {
  /** Skip the cache (when the client has one) and fetch; the result refreshes the entry. @default false */
  fresh?: boolean | undefined;
}

/** @deprecated The same as {@link CallOptions}; use that name. */
export type GetOptions = CallOptions;

/** Progress of a batch, reported after each value settles. */
export interface BatchProgress {
  completed: number;
  total: number;
  value: string;
  ok: boolean;
}

/** Options every batch helper takes. */
export interface BatchOptions extends CallOptions {
  /** How many values are fetched at once. @default the client's `maxConcurrency` (5) */
  concurrency?: number | undefined;
  /** Called after each value settles. */
  onProgress?: ((progress: BatchProgress) => void) | undefined;
}

/** Options of `getPlaylist` (and `getChart`). */
export interface GetPlaylistOptions extends CallOptions {
  /** How many items to return at most; `Infinity` for all. @default 100 */
  maxTracks?: number | undefined;
}

/** Options of `getShow`. */
export interface GetShowOptions extends CallOptions {
  /** How many episodes to return at most; `Infinity` for all. @default 50 */
  maxEpisodes?: number | undefined;
}

/** Options of `search`. */
export interface SearchOptions extends CallOptions {
  /** What to search for. @default all six: track, album, artist, playlist, show, episode */
  types?: readonly SearchType[] | undefined;
  /** Hits per type, 1-100. @default 20 */
  limit?: number | undefined;
  /** Hits to skip per type. @default 0 */
  offset?: number | undefined;
}

/** Options of `getArtistDiscography`. */
export interface DiscographyOptions extends CallOptions {
  /** Releases to return at most (not release groups); `Infinity` for all. @default Infinity */
  maxReleases?: number | undefined;
}

/** Options of `getSimilarAlbums`. */
export interface SimilarAlbumsOptions extends CallOptions {
  /** Albums to return, 1-100. @default 10 */
  limit?: number | undefined;
}

/** The names of an options type, every one listed (the compiler checks the list is whole and has no extra name). */
function names<T extends object>(keys: { [K in keyof Required<T>]: true }): readonly string[] {
  return Object.freeze(Object.keys(keys));
}

/**
 * The option names each kind of call knows, to refuse a misspelt one (`{ maxTrack: 5 }`) as the
 * client's own options are refused.
 */
export const OPTION_NAMES = Object.freeze({
  signal: names<SignalOptions>({ signal: true }),
  call: names<CallOptions>({ signal: true, fresh: true }),
  playlist: names<GetPlaylistOptions>({ signal: true, fresh: true, maxTracks: true }),
  show: names<GetShowOptions>({ signal: true, fresh: true, maxEpisodes: true }),
  search: names<SearchOptions>({ signal: true, fresh: true, types: true, limit: true, offset: true }),
  discography: names<DiscographyOptions>({ signal: true, fresh: true, maxReleases: true }),
  similar: names<SimilarAlbumsOptions>({ signal: true, fresh: true, limit: true }),
  batch: names<BatchOptions>({ signal: true, fresh: true, concurrency: true, onProgress: true }),
  playlistBatch: names<BatchOptions & GetPlaylistOptions>({
    signal: true,
    fresh: true,
    concurrency: true,
    onProgress: true,
    maxTracks: true,
  }),
  showBatch: names<BatchOptions & GetShowOptions>({
    signal: true,
    fresh: true,
    concurrency: true,
    onProgress: true,
    maxEpisodes: true,
  }),
  downloadCover: names<DownloadCoverOptions>({ signal: true, size: true, filename: true, overwrite: true }),
  downloadPreview: names<DownloadPreviewOptions>({ signal: true, filename: true, embedCover: true, overwrite: true }),
  downloadCanvas: names<DownloadCanvasOptions>({ signal: true, filename: true, overwrite: true }),
});

export type OptionNames = (typeof OPTION_NAMES)[keyof typeof OPTION_NAMES];
