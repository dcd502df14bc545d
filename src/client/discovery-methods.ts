import type {
  ArtistSummary,
  Canvas,
  Colors,
  Concert,
  Credits,
  Image,
  Release,
  SearchResults,
} from '../models/index.js';
import {
  OPTION_NAMES,
  type CallOptions,
  type DiscographyOptions,
  type SearchOptions,
  type SimilarAlbumsOptions,
} from './call-options.js';
import { stateOf } from './core.js';
import * as discovery from './discovery.js';
import { EntityMethods } from './entity-methods.js';

/** Search, an artist's world and the keyless extras of the partner API (SPEC §6, §10). */
export class DiscoveryMethods extends EntityMethods {
  /**
   * Searches Spotify: one page of hits per type (tracks, albums, artists, playlists, shows, episodes),
   * each a summary, with the totals Spotify counts.
   * @param query what to search for (trimmed; at most 500 characters)
   * @param options `types` (default all six), `limit` per type (1-100, default 20), `offset`, `signal`, `fresh`
   */
  search(query: string, options?: SearchOptions): Promise<SearchResults> {
    return stateOf(this).calls.run('search', OPTION_NAMES.search, options, (o, signal) =>
      discovery.search(stateOf(this).context, query, { ...o, signal }),
    );
  }

  /**
   * An artist's releases (albums, singles, EPs, compilations), newest first, up to `maxReleases`.
   * @param options `maxReleases` (default all), `signal`, `fresh`
   * @throws {NotFoundError} Spotify has no such artist
   */
  getArtistDiscography(value: string, options?: DiscographyOptions): Promise<Release[]> {
    return stateOf(this).calls.run('getArtistDiscography', OPTION_NAMES.discography, options, (o, signal) =>
      discovery.getArtistDiscography(stateOf(this).context, value, { ...o, signal }),
    );
  }

  /**
   * Artists Spotify relates to this one ("Fans also like").
   * @throws {NotFoundError} Spotify has no such artist
   */
  getRelatedArtists(value: string, options?: CallOptions): Promise<ArtistSummary[]> {
    return stateOf(this).calls.run('getRelatedArtists', OPTION_NAMES.call, options, (o, signal) =>
      discovery.getRelatedArtists(stateOf(this).context, value, { ...o, signal }),
    );
  }

  /**
   * Albums Spotify recommends from a track.
   * @param options `limit` (1-100, default 10), `signal`, `fresh`
   * @throws {NotFoundError} Spotify has no such track
   */
  getSimilarAlbums(trackValue: string, options?: SimilarAlbumsOptions): Promise<Release[]> {
    return stateOf(this).calls.run('getSimilarAlbums', OPTION_NAMES.similar, options, (o, signal) =>
      discovery.getSimilarAlbums(stateOf(this).context, trackValue, { ...o, signal }),
    );
  }

  /**
   * The concerts Spotify lists for an artist.
   * @throws {NotFoundError} Spotify has no such artist
   */
  getArtistConcerts(value: string, options?: CallOptions): Promise<Concert[]> {
    return stateOf(this).calls.run('getArtistConcerts', OPTION_NAMES.call, options, (o, signal) =>
      discovery.getArtistConcerts(stateOf(this).context, value, { ...o, signal }),
    );
  }

  /**
   * The colours Spotify extracts from a picture (raw, dark and light, `#RRGGBB`).
   * @param imageOrEntity an `https://i.scdn.co/image/<id>` URL, a `spotify:image:<id>` URI, or any model with images (its largest)
   * @throws {NotFoundError} Spotify does not know the picture
   */
  getColors(imageOrEntity: string | { readonly images: readonly Image[] }, options?: CallOptions): Promise<Colors> {
    return stateOf(this).calls.run('getColors', OPTION_NAMES.call, options, (o, signal) =>
      discovery.getColors(stateOf(this).context, imageOrEntity, { ...o, signal }),
    );
  }

  /**
   * A track's credits (performers, writers, producers, with their roles), keyless from the partner API;
   * with `cookies`, spclient answers when the partner API does not.
   * @throws {NotFoundError} Spotify has no such track
   */
  getCredits(trackValue: string, options?: CallOptions): Promise<Credits> {
    return stateOf(this).calls.run('getCredits', OPTION_NAMES.call, options, (o, signal) =>
      discovery.getCredits(stateOf(this).context, trackValue, { ...o, signal }),
    );
  }

  /**
   * A track's Canvas (the looping video behind it in the app), or null when it has none. Asked with the
   * account token when the client has `cookies`, else with the anonymous one.
   * @throws {AuthenticationError} the partner API wants an account for it (give `cookies`)
   */
  getCanvas(trackValue: string, options?: CallOptions): Promise<Canvas | null> {
    return stateOf(this).calls.run('getCanvas', OPTION_NAMES.call, options, (o, signal) =>
      discovery.getCanvas(stateOf(this).context, trackValue, { ...o, signal }),
    );
  }
}
