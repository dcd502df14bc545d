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
