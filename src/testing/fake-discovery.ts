import { createHash } from 'node:crypto';
import type { AnyEntity } from '../models/entities.js';
import type { Album, ArtistSummary, Colors, Concert, Release } from '../models/index.js';
import {
  colorsAnswer,
  concertsAnswer,
  discographyAnswer,
  relatedArtistsAnswer,
  searchAnswer,
  similarAlbumsAnswer,
} from './discovery-answers.js';
import { json, type FakeAnswer } from './fake-answer.js';
import type { Query } from './fake-request.js';
import { releaseOf } from './summaries.js';

/**
 * The fake Spotify's discovery operations (SPEC §6): search over the added entities, an artist's
 * discography (set, or the added albums naming it), related artists, similar albums and concerts a
 * test sets, and colours for any picture of an added entity.
 */
export class FakeDiscovery {
  readonly #entities: ReadonlyMap<string, AnyEntity>;
  readonly #mediaUrls: () => Iterable<string>;
  readonly #discographies = new Map<string, readonly Release[]>();
  readonly #related = new Map<string, readonly ArtistSummary[]>();
  readonly #similar = new Map<string, readonly Release[]>();
  readonly #concerts = new Map<string, readonly Concert[]>();
  readonly #colors = new Map<string, Colors>();

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

  setConcerts(artistId: string, concerts: readonly Concert[]): void {
    this.#concerts.set(idOf(artistId), concerts);
  }

  setColors(image: string, colors: Colors): void {
    this.#colors.set(image.split(/[/:]/).at(-1) ?? image, colors);
  }

  /** The discovery operations (SPEC §6) over what was added; undefined for other operations. */
  answer(query: Query): FakeAnswer | undefined {
    const { variables } = query;
    const notFound = json(200, { errors: [{ message: 'NotFound' }], data: null });
    const entity = (key: string) => {
      const uri = variables[key];
      return typeof uri === 'string' ? this.#entities.get(uri) : undefined;
    };
    switch (query.name) {
      case 'searchDesktop':
        return json(200, { data: searchAnswer(this.#entities.values(), variables) });
      case 'queryArtistDiscographyAll': {
        const artist = entity('uri');
        if (!artist) return notFound;
        const releases = this.#discographies.get(artist.id) ?? this.#albumsOf(artist.id);
        return json(200, { data: discographyAnswer(releases, variables) });
      }
      case 'queryArtistRelated': {
        const artist = entity('uri');
        if (!artist) return notFound;
        return json(200, { data: relatedArtistsAnswer(artist.uri, artist.name, this.#related.get(artist.id) ?? []) });
      }
      case 'similarAlbumsBasedOnThisTrack': {
        const track = entity('uri');
        if (!track) return notFound;
        return json(200, {
          data: similarAlbumsAnswer(this.#similar.get(track.id) ?? [], Number(variables['limit'] ?? 10)),
        });
      }
      case 'ArtistConcerts': {
        const artist = entity('artistUri');
        if (!artist) return notFound;
        return json(200, { data: concertsAnswer(artist.uri, artist.name, this.#concerts.get(artist.id) ?? []) });
      }
      case 'fetchExtractedColors': {
        const uris = Array.isArray(variables['imageUris']) ? (variables['imageUris'] as unknown[]) : [];
        const id = String(uris[0] ?? '').replace(/^spotify:image:/, '');
        const colors = this.#colors.get(id) ?? (this.#imageIds().has(id) ? colorsOf(id) : undefined);
        return colors ? json(200, { data: colorsAnswer(colors) }) : notFound;
      }
      default:
        return undefined;
    }
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
