import { createHash } from 'node:crypto';
import type { AnyEntity } from '../models/entities.js';
import type { Album, ArtistSummary, Colors, Concert, Release, Track } from '../models/index.js';
import { releaseOf } from './summaries.js';

/**
 * What the fake Spotify's discovery operations (SPEC §6) answer with: an artist's discography (set, or
 * the added albums naming it), related artists, similar albums and concerts a test sets, and colours
 * for any picture of an added entity. The answers themselves are in operation-answers.ts.
 */
export class FakeDiscovery {
  readonly #entities: ReadonlyMap<string, AnyEntity>;
  readonly #mediaUrls: () => Iterable<string>;
  readonly #discographies = new Map<string, readonly Release[]>();
  readonly #related = new Map<string, readonly ArtistSummary[]>();
  readonly #similar = new Map<string, readonly Release[]>();
  readonly #concerts = new Map<string, readonly Concert[]>();
  readonly #colors = new Map<string, Colors>();
  readonly #recommended = new Map<string, readonly Track[]>();

  /** @param entities what was added, by URI; @param mediaUrls the media URLs the fake serves */
  constructor(entities: ReadonlyMap<string, AnyEntity>, mediaUrls: () => Iterable<string>) {
    this.#entities = entities;
    this.#mediaUrls = mediaUrls;
  }

  setDiscography(artistId: string, releases: readonly Release[]): void {
    this.#discographies.set(idOf(artistId), releases);
  }

  setRelatedArtists(artistId: string, artists: readonly ArtistSummary[]): void {
    this.#related.set(idOf(artistId), artists);
  }

  setSimilarAlbums(trackId: string, albums: readonly Release[]): void {
    this.#similar.set(idOf(trackId), albums);
  }

  setRecommendations(trackId: string, tracks: readonly Track[]): void {
    this.#recommended.set(idOf(trackId), tracks);
  }

  recommendedFor(trackId: string): readonly Track[] {
    return this.#recommended.get(trackId) ?? [];
  }

  setConcerts(artistId: string, concerts: readonly Concert[]): void {
    this.#concerts.set(idOf(artistId), concerts);
  }

  setColors(image: string, colors: Colors): void {
    this.#colors.set(image.split(/[/:]/).at(-1) ?? image, colors);
  }

  /** The artist's discography: the one set, else the added albums naming the artist, newest first. */
  discographyOf(artistId: string): readonly Release[] {
    return this.#discographies.get(artistId) ?? this.#albumsOf(artistId);
  }

  relatedTo(artistId: string): readonly ArtistSummary[] {
    return this.#related.get(artistId) ?? [];
  }

  similarTo(trackId: string): readonly Release[] {
    return this.#similar.get(trackId) ?? [];
  }

  concertsOf(artistId: string): readonly Concert[] {
    return this.#concerts.get(artistId) ?? [];
  }

  /** The colours of a picture: set, or made from its id for a picture of an added entity, else undefined. */
  colorsOf(imageId: string): Colors | undefined {
    return this.#colors.get(imageId) ?? (this.#imageIds().has(imageId) ? colorsOf(imageId) : undefined);
  }

  /** The added albums that name the artist, newest first. */
  #albumsOf(artistId: string): Release[] {
    return [...this.#entities.values()]
      .filter((entity): entity is Album => entity.type === 'album' && entity.artists.some((a) => a.id === artistId))
      .sort((a, b) => (b.releaseDate ?? '').localeCompare(a.releaseDate ?? ''))
      .map(releaseOf);
  }

  #imageIds(): Set<string> {
    const ids = new Set<string>();
    for (const url of this.#mediaUrls()) {
      const match = /^https:\/\/i\.scdn\.co\/image\/([0-9a-zA-Z]+)$/.exec(url);
      if (match) ids.add(match[1] as string);
    }
    return ids;
  }
}

/** An id from an id, a URI or an open.spotify.com URL. */
function idOf(value: string): string {
  return (
    value
      .split(/[/:?#]/)
      .filter(Boolean)
      .at(-1) ?? value
  );
}

/** Colours made from an image id: the same for the same picture, dark and light shades of one hue. */
function colorsOf(imageId: string): Colors {
  const seed = createHash('sha256').update(imageId).digest();
  const channel = (index: number, shade: (value: number) => number) =>
    Math.round(shade(seed[index] as number))
      .toString(16)
      .toUpperCase()
      .padStart(2, '0');
  const colour = (shade: (value: number) => number) => `#${channel(0, shade)}${channel(1, shade)}${channel(2, shade)}`;
  return {
    raw: colour((value) => value),
    dark: colour((value) => value / 2),
    light: colour((value) => value + (255 - value) / 2),
    isFallback: false,
  };
}
