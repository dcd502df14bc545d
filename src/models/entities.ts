import type { z } from 'zod';
import { AlbumSchema, type Album } from './album.js';
import { ArtistSchema, type Artist } from './artist.js';
import type { DeepReadonly } from './common.js';
import { EpisodeSchema, type Episode } from './episode.js';
import { PlaylistSchema, type Playlist } from './playlist.js';
import { ShowSchema, type Show } from './show.js';
import { TrackSchema, type Track } from './track.js';

/**
 * The one list of entity types, as a table of their schemas. Every layer keys a table of its own by
 * these types with `satisfies`, so a type added here fails to compile until each layer handles it.
 */
export const ENTITY_SCHEMAS = {
  track: TrackSchema,
  album: AlbumSchema,
  artist: ArtistSchema,
  playlist: PlaylistSchema,
  episode: EpisodeSchema,
  show: ShowSchema,
} as const satisfies Record<string, z.ZodType>;

/** The kinds of entity the library reads. */
export type EntityType = keyof EntityByType;

/** The model each entity type resolves to. */
export interface EntityByType {
  track: Track;
  album: Album;
  artist: Artist;
  playlist: Playlist;
  episode: Episode;
  show: Show;
}

/** Any entity model: a track, album, artist, playlist, episode or show. */
export type AnyEntity = EntityByType[EntityType];

// Each entry is the model of its schema: a type added to ENTITY_SCHEMAS fails here until it has one.
type Models = { [K in keyof typeof ENTITY_SCHEMAS]: DeepReadonly<z.infer<(typeof ENTITY_SCHEMAS)[K]>> };
type Same = [EntityByType, Models] extends [Models, EntityByType] ? true : never;
const _entityModelsMatch: Same = true;

/** The entity types, in a fixed order (commands, help texts, error messages). */
export const ENTITY_TYPES = Object.freeze(Object.keys(ENTITY_SCHEMAS)) as readonly EntityType[];

export function isEntityType(value: string): value is EntityType {
  return Object.hasOwn(ENTITY_SCHEMAS, value);
}

/** `https://open.spotify.com/TYPE/ID`: the public page of an entity. */
export function entityUrl(type: EntityType, id: string): string {
  return `https://open.spotify.com/${type}/${id}`;
}

/** What a `spotify:` URI can name: an entity, or a user, concert, Canvas, picture or transcript. */
export type UriType = EntityType | 'user' | 'concert' | 'canvas' | 'image' | 'transcript';

/** `spotify:TYPE:ID`. */
export function entityUri(type: UriType, id: string): string {
  return `spotify:${type}:${id}`;
}

/** The embed page of an entity: the page the client reads. */
export function embedUrl(type: EntityType, id: string): string {
  return `https://open.spotify.com/embed/${type}/${id}`;
}
