import { ParseError } from '../errors.js';
import type { EntityType } from '../input.js';
import { AlbumSchema, type Album } from '../models/album.js';
import { ArtistSchema, type Artist } from '../models/artist.js';
import { EpisodeSchema, type Episode } from '../models/episode.js';
import { PlaylistSchema, type Playlist } from '../models/playlist.js';
import { ShowSchema, type Show } from '../models/show.js';
import { TrackSchema, type Track } from '../models/track.js';
import { readAlbum } from './album.js';
import { readArtist } from './artist.js';
import { readEmbedPage, type EmbedPage } from './embed-page.js';
import { readEpisode } from './episode.js';
import { idFromUri } from './fields.js';
import { readPlaylist } from './playlist.js';
import { str, type Raw } from './raw.js';
import { readShow } from './show.js';
import { readTrack } from './track.js';
import { validateModel } from './validate.js';

export { readEmbedPage, type EmbedPage, type EmbedSession } from './embed-page.js';

export interface EntityByType {
  track: Track;
  album: Album;
  artist: Artist;
  playlist: Playlist;
  episode: Episode;
  show: Show;
}

/** How much of a list to keep. */
export interface ListLimits {
  maxTracks: number;
  maxEpisodes: number;
}

const NO_LIMITS: ListLimits = { maxTracks: Infinity, maxEpisodes: Infinity };

/** Page -> validated model, in one call: what the client and the benchmarks use. */
export function parseEmbedHtml<T extends EntityType>(
  type: T,
  html: string,
  id: string,
  pageUrl: string,
  limits: ListLimits = NO_LIMITS,
): EntityByType[T] {
  return modelFromEmbed(type, readEmbedPage(html, pageUrl), id, pageUrl, limits);
}

/** Embed state -> validated model of the requested type. */
export function modelFromEmbed<T extends EntityType>(
  type: T,
  page: EmbedPage,
  requestedId: string,
  pageUrl: string,
  limits: ListLimits = NO_LIMITS,
): EntityByType[T] {
  const { entity } = page;
  checkEntityType(type, entity, pageUrl);
  const id = type === 'show' ? (idFromUri(page.entityUri, 'show') ?? requestedId) : ownId(entity, type, requestedId);
  const built = build(type, entity, id, limits);
  return validateModel(SCHEMAS[type], built, pageUrl) as EntityByType[T];
}

function ownId(entity: Raw, type: EntityType, requestedId: string): string {
  return str(entity['id']) ?? idFromUri(entity['uri'], type) ?? requestedId;
}

function build(type: EntityType, entity: Raw, id: string, limits: ListLimits): unknown {
  switch (type) {
    case 'track':
      return readTrack(entity, id);
    case 'album':
      return readAlbum(entity, id);
    case 'artist':
      return readArtist(entity, id);
    case 'playlist':
      return readPlaylist(entity, id, limits.maxTracks);
    case 'episode':
      return readEpisode(entity, id);
    case 'show':
      return readShow(entity, id, limits.maxEpisodes);
  }
}

export const SCHEMAS = {
  track: TrackSchema,
  album: AlbumSchema,
  artist: ArtistSchema,
  playlist: PlaylistSchema,
  episode: EpisodeSchema,
  show: ShowSchema,
} as const;

/** A show's embed holds its latest episode; any other page must hold what was asked for. */
function checkEntityType(type: EntityType, entity: Raw, pageUrl: string): void {
  const actual = str(entity['type']);
  if (actual === undefined || actual === type) return;
  if (type === 'show' && actual === 'episode') return;
  throw new ParseError(`Expected a ${type} in ${pageUrl}, the page describes a ${actual}`, { url: pageUrl });
}
