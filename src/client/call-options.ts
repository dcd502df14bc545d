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

/** Options of `getTrack`. */
export interface GetTrackOptions extends CallOptions {
  /** Adds `isrc` (string or null) from spclient's track metadata (one more request). @default false */
  externalIds?: boolean | undefined;
}

/** What a track or episode batch reads: summaries (list operations), or the full models. */
export type Detail = 'summary' | 'full';

/** Options of `getTracks`. */
export interface TrackBatchOptions extends BatchOptions {
  /**
   * `'summary'`: `TrackSummary` models, 50 tracks a request (`decorateContextTracks`, `trackPreview`);
   * `'full'`: `Track` models, one partner request per track and the previews 50 a request. A value a
   * list answer has no usable entry for takes its own getter (`mode: 'entity'`). @default 'full'
   */
  detail?: Detail | undefined;
  /** Adds `isrc` (string or null) to each result, from spclient's track metadata. @default false */
  externalIds?: boolean | undefined;
}

/** Options of `getEpisodes`. */
export interface EpisodeBatchOptions extends BatchOptions {
  /** `'summary'`: `EpisodeSummary` models, 50 a request (`decorateContextEpisodesOrChapters`). @default 'full' */
  detail?: Detail | undefined;
}

/** Options of `getPlaylist` (and `getChart`). */
export interface GetPlaylistOptions extends CallOptions {
  /** How many items to return at most; `Infinity` for all. @default 100 */
  maxTracks?: number | undefined;
  /**
   * Fill the preview URL of the tracks past the embed page's first 100 (which carries theirs) with
   * `trackPreview`, 50 a request. @default false
   */
  previews?: boolean | undefined;
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

/** Options of `iterateSearch`. */
export interface IterateSearchOptions extends SignalOptions {
  /** The one type of hits to page through. */
  type: SearchType;
  /** The most hits to yield. @default all Spotify gives */
  max?: number | undefined;
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
  track: names<GetTrackOptions>({ signal: true, fresh: true, externalIds: true }),
  playlist: names<GetPlaylistOptions>({ signal: true, fresh: true, maxTracks: true, previews: true }),
  show: names<GetShowOptions>({ signal: true, fresh: true, maxEpisodes: true }),
  search: names<SearchOptions>({ signal: true, fresh: true, types: true, limit: true, offset: true }),
  discography: names<DiscographyOptions>({ signal: true, fresh: true, maxReleases: true }),
  similar: names<SimilarAlbumsOptions>({ signal: true, fresh: true, limit: true }),
  iterateSearch: names<IterateSearchOptions>({ signal: true, type: true, max: true }),
  batch: names<BatchOptions>({ signal: true, fresh: true, concurrency: true, onProgress: true }),
  playlistBatch: names<BatchOptions & Pick<GetPlaylistOptions, 'maxTracks'>>({
    signal: true,
    fresh: true,
    concurrency: true,
    onProgress: true,
    maxTracks: true,
  }),
  trackBatch: names<TrackBatchOptions>({
    signal: true,
    fresh: true,
    concurrency: true,
    onProgress: true,
    detail: true,
    externalIds: true,
  }),
  episodeBatch: names<EpisodeBatchOptions>({
    signal: true,
    fresh: true,
    concurrency: true,
    onProgress: true,
    detail: true,
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
