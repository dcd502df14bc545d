import type { z } from 'zod';
import { AlbumSchema } from './album.js';
import { ArtistSchema } from './artist.js';
import type { DeepReadonly } from './common.js';
import { EpisodeSchema } from './episode.js';
import { PlaylistSchema } from './playlist.js';
import { ShowSchema } from './show.js';
import { TrackSchema } from './track.js';

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
export type EntityType = keyof typeof ENTITY_SCHEMAS;

/** The model each entity type resolves to. */
export type EntityByType = { [K in EntityType]: DeepReadonly<z.infer<(typeof ENTITY_SCHEMAS)[K]>> };

/** The entity types, in a fixed order (commands, help texts, error messages). */
export const ENTITY_TYPES = Object.freeze(Object.keys(ENTITY_SCHEMAS)) as readonly EntityType[];

export function isEntityType(value: string): value is EntityType {
  return Object.hasOwn(ENTITY_SCHEMAS, value);
}

/** `https://open.spotify.com/TYPE/ID`: the public page of an entity. */
export function entityUrl(type: EntityType, id: string): string {
  return `https://open.spotify.com/${type}/${id}`;
}

/** `spotify:TYPE:ID`. */
export function entityUri(type: EntityType, id: string): string {
  return `spotify:${type}:${id}`;
}

/** The embed page of an entity: the page the client reads. */
export function embedUrl(type: EntityType, id: string): string {
  return `https://open.spotify.com/embed/${type}/${id}`;
}
