export { AsyncSpotifyClient } from './client.js';
export type {
  CallOptions,
  DiscographyOptions,
  GetOptions,
  GetPlaylistOptions,
  GetShowOptions,
  SearchOptions,
  SignalOptions,
  SimilarAlbumsOptions,
} from './client/call-options.js';
export type { BatchOptions, BatchProgress, BatchResult } from './client/batch.js';
export type {
  DownloadCoverOptions,
  DownloadPreviewOptions,
  EntityWithImages,
  EntityWithPreview,
} from './media/downloads.js';
export type { CoverSize } from './media/images.js';
export {
  ClientClosedError,
  HttpError,
  InvalidInputError,
  MediaError,
  NetworkError,
  NotFoundError,
  ParseError,
  RateLimitedError,
  SpotifyScraperError,
  TimeoutError,
  type ErrorDetails,
} from './errors.js';
export { RateLimit, type RateLimitOptions, type RateLimitSettings } from './http/rate-limit.js';
export { RetryPolicy, type RetryOptions, type RetrySettings } from './http/retry.js';
export type { RetryInfo } from './http/http-client.js';
export type { Clock } from './http/clock.js';
export { parseSpotifyUrl, ENTITY_TYPES, type EntityType, type SpotifyRef } from './input.js';
export { DEFAULTS, type ClientOptions } from './options.js';
export { redact } from './redact.js';
export { doctor, type DoctorCheck, type DoctorOptions, type DoctorReport } from './doctor.js';
export { capture, type CaptureOptions } from './capture/capture.js';
export type { CaptureFile, RecordedExchange } from './capture/recording.js';
export type { CacheOptions, CacheStore } from './cache/cache-options.js';
export type { FleetOptions, FleetRedisClient } from './http/fleet/options.js';
export { DEFAULT_OPERATIONS, type OperationKind, type PersistedOperation } from './partner/operations.js';
export type { AnyEntity, EntityByType } from './models/entities.js';
export {
  AlbumSchema,
  ArtistSchema,
  ArtistSummarySchema,
  ColorsSchema,
  ConcertSchema,
  EpisodeSchema,
  ImageSchema,
  PlaylistItemSchema,
  PlaylistSchema,
  PlaylistSummarySchema,
  ReleaseSchema,
  SEARCH_TYPES,
  SearchResultsSchema,
  ShowSchema,
  ShowSummarySchema,
  TrackSchema,
  type Album,
  type AlbumRef,
  type Artist,
  type ArtistRef,
  type ArtistSummary,
  type Colors,
  type Concert,
  type Episode,
  type Image,
  type Playlist,
  type PlaylistItem,
  type PlaylistSummary,
  type Release,
  type SearchResults,
  type SearchType,
  type Show,
  type ShowRef,
  type ShowSummary,
  type Track,
  type UserRef,
} from './models/index.js';
