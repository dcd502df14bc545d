export { AlbumSchema, type Album } from './album.js';
export { ArtistSchema, type Artist } from './artist.js';
export {
  AlbumRefSchema,
  ArtistRefSchema,
  ImageSchema,
  ShowRefSchema,
  UserRefSchema,
  type AlbumRef,
  type ArtistRef,
  type Image,
  type ShowRef,
  type UserRef,
} from './common.js';
export { EpisodeSchema, type Episode } from './episode.js';
export { PlaylistItemSchema, PlaylistSchema, type Playlist, type PlaylistItem } from './playlist.js';
export { ShowSchema, type Show } from './show.js';
export { TrackSchema, type Track } from './track.js';
export { TrackSummarySchema, type TrackSummary } from './track-summary.js';
export { EpisodeSummarySchema, type EpisodeSummary } from './episode-summary.js';
export { ArtistSummarySchema, type ArtistSummary } from './artist-summary.js';
export { ColorsSchema, type Colors } from './colors.js';
export { ConcertSchema, type Concert } from './concert.js';
export { PlaylistSummarySchema, type PlaylistSummary } from './playlist-summary.js';
export { ReleaseSchema, type Release } from './release.js';
export { SEARCH_TYPES, SearchResultsSchema, type SearchResults, type SearchType } from './search-results.js';
export { ShowSummarySchema, type ShowSummary } from './show-summary.js';
export { LyricsLineSchema, LyricsSchema, type Lyrics, type LyricsLine } from './lyrics.js';
export { CreditedArtistSchema, CreditsSchema, type CreditedArtist, type Credits } from './credits.js';
export { CanvasSchema, type Canvas } from './canvas.js';
export { TranscriptCueSchema, TranscriptSchema, type Transcript, type TranscriptCue } from './transcript.js';
export { UserProfileSchema, type UserProfile } from './user-profile.js';
export { AccountSchema, type Account } from './account.js';
