import type { SearchResults, SearchType } from '../models/search-results.js';
import { at, count, list, type Raw } from '../parse/raw.js';
import { apiEpisode } from './episode.js';
import { toPage, type ApiPage } from './page.js';
import { apiArtistSummary, apiPlaylistSummary, apiRelease, apiShowSummary } from './summaries.js';
import { apiTrack } from './track.js';

/** A checked search: what `search` sends and how its answer is cut. */
export interface SearchRequest {
  query: string;
  types: ReadonlySet<SearchType>;
  limit: number;
  offset: number;
}

export function searchVariables(request: SearchRequest): Record<string, unknown> {
  return {
    searchTerm: request.query,
    offset: request.offset,
    limit: request.limit,
    numberOfTopResults: 5,
    includeAudiobooks: true,
    includePreReleases: true,
    includeAlbumPreReleases: false,
    includeAuthors: false,
    includeEpisodeContentRatingsV2: false,
  };
}

/** The variables of one type's search (searchTracks, …): the web player's flags for a "see all" page. */
export function typeSearchVariables(request: SearchRequest): Record<string, unknown> {
  return {
    searchTerm: request.query,
    offset: request.offset,
    limit: request.limit,
    numberOfTopResults: 5,
    includeAudiobooks: true,
    includeArtistHasConcertsField: false,
    includePreReleases: true,
    includeLocalConcertsField: false,
    includeAuthors: true,
  };
}

const byUri = (_item: unknown, value: { uri: string }) => value.uri;

/** One section of `searchV2`: its hits (tracks sit one level deeper, in `item.data`) and its total. */
function section<T extends { uri: string }>(
  root: Raw,
  key: string,
  read: (data: unknown) => T | undefined,
  wanted: boolean,
  nested = false,
): ApiPage<T> {
  const holder = at(root, key);
  if (!wanted) return { items: [], keys: [], raw: 0, total: null, unreadable: 0 };
  const items = list(at(holder, 'items'));
  return toPage(
    items,
    (item) => read(nested ? at(item, 'item', 'data') : at(item, 'data')),
    count(at(holder, 'totalCount')),
    byUri,
  );
}

/** `searchV2` -> SearchResults (unvalidated), and how many hits could not be read. */
export function readSearch(root: Raw, request: SearchRequest): { results: SearchResults; unreadable: number } {
  const wants = (type: SearchType) => request.types.has(type);
  const tracks = section(root, 'tracksV2', (data) => apiTrack(data), wants('track'), true);
  const albums = section(root, 'albumsV2', apiRelease, wants('album'));
  const artists = section(root, 'artists', apiArtistSummary, wants('artist'));
  const playlists = section(root, 'playlists', apiPlaylistSummary, wants('playlist'));
  const shows = section(root, 'podcasts', apiShowSummary, wants('show'));
  const episodes = section(root, 'episodes', (data) => apiEpisode(data), wants('episode'));
  const pages = [tracks, albums, artists, playlists, shows, episodes];
  return {
    results: {
      query: request.query,
      tracks: tracks.items.slice(0, request.limit),
      albums: albums.items.slice(0, request.limit),
      artists: artists.items.slice(0, request.limit),
      playlists: playlists.items.slice(0, request.limit),
      shows: shows.items.slice(0, request.limit),
      episodes: episodes.items.slice(0, request.limit),
      totals: {
        track: tracks.total,
        album: albums.total,
        artist: artists.total,
        playlist: playlists.total,
        show: shows.total,
        episode: episodes.total,
      },
    },
    unreadable: pages.reduce((sum, page) => sum + page.unreadable, 0),
  };
}
