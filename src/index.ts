export { AsyncSpotifyClient } from './client.js';
export type {
  CallOptions,
  Detail,
  DiscographyOptions,
  EpisodeBatchOptions,
  GetOptions,
  GetPlaylistOptions,
  GetShowOptions,
  GetTrackOptions,
  IterateSearchOptions,
  SearchOptions,
  SignalOptions,
  SimilarAlbumsOptions,
  TrackBatchOptions,
} from './client/call-options.js';
export type { BatchMode, EpisodeOf, ListBatchResult, TrackOf, WithIsrc } from './client/catalogue.js';
export type { SearchKey } from './client/iterators.js';
export type { BatchOptions, BatchProgress } from './client/call-options.js';
export type { BatchResult } from './client/batch.js';
export type { EntityOptions } from './client/entity-loader.js';
export type {
  DownloadCanvasOptions,
  DownloadCoverOptions,
  DownloadPreviewOptions,
  EntityWithImages,
  EntityWithPreview,
} from './media/downloads.js';
export type { CoverSize } from './media/images.js';
export {
  AuthenticationError,
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
export { parseSpotifyUrl, parseUserValue, ENTITY_TYPES, type EntityType, type SpotifyRef } from './input.js';
export { CHARTS, type Chart } from './client/charts.js';
export { toLrc, type LrcMeta } from './spclient/lrc.js';
export type { CookiesOption } from './spclient/cookies.js';
export type { TotpSecretOption } from './spclient/totp.js';
export { DEFAULTS, type ClientOptions } from './options.js';
export { redact } from './redact.js';
export { doctor, type DoctorCheck, type DoctorOptions, type DoctorReport } from './doctor.js';
export { capture, type CaptureOptions } from './capture/capture.js';
export type { CaptureFile, RecordedExchange } from './capture/recording.js';
export type { CacheOptions, CacheStore } from './cache/cache-options.js';
export type { FleetOptions, FleetRedisClient } from './http/fleet/options.js';
export {
  DEFAULT_OPERATIONS,
  type OperationKind,
  type OperationOverride,
  type PersistedOperation,
} from './partner/operations.js';
export type { AnyEntity, EntityByType } from './models/entities.js';
export {
  AccountSchema,
  AlbumSchema,
  ArtistSchema,
  ArtistSummarySchema,
  CanvasSchema,
  ColorsSchema,
  ConcertSchema,
  CreditedArtistSchema,
  CreditsSchema,
  EpisodeSchema,
  ImageSchema,
  LyricsLineSchema,
  LyricsSchema,
  PlaylistItemSchema,
  PlaylistSchema,
  PlaylistSummarySchema,
  ReleaseSchema,
  EpisodeSummarySchema,
  TrackSummarySchema,
  SEARCH_TYPES,
  SearchResultsSchema,
  ShowSchema,
  ShowSummarySchema,
  TrackSchema,
  TranscriptCueSchema,
  TranscriptSchema,
  UserProfileSchema,
  type Account,
  type Album,
  type AlbumRef,
  type Artist,
  type ArtistRef,
  type ArtistSummary,
  type Canvas,
  type Colors,
  type Concert,
  type CreditedArtist,
  type Credits,
  type Episode,
  type EpisodeSummary,
  type Image,
  type Lyrics,
  type LyricsLine,
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
  type TrackSummary,
  type Transcript,
  type TranscriptCue,
  type UserProfile,
  type UserRef,
} from './models/index.js';
export { loadSession, Session } from './session/session.js';
export type { SessionAccount, SessionOptions } from './session/session.js';
export type { BrowserOption } from './http/browser/browser-option.js';
