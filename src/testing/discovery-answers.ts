import type { Colors, Concert, Episode, Release, Track } from '../models/index.js';
import type { AnyEntity } from '../models/entities.js';
import { isoDate } from './embed-pages.js';
import { apiEpisode, apiTrack, artistItems, sources, user } from './partner-answers.js';
import { artistSummaryOf, playlistSummaryOf, releaseOf, showSummaryOf } from './summaries.js';
import type { Album, Artist, ArtistSummary, Playlist, PlaylistSummary, Show, ShowSummary } from '../models/index.js';

/**
 * The discovery operations' answers (SPEC §6) in Spotify's shapes (the conformance fixtures are the
 * reference), from models: what the fake serves for the entities a test added.
 */

type Json = Record<string, unknown>;

/** An album as search, discographies and recommendations list it. */
export function apiRelease(release: Release): Json {
  const year = release.releaseDate === null ? undefined : Number(release.releaseDate.slice(0, 4));
  return {
    __typename: 'Album',
    uri: release.uri,
    name: release.name,
    ...(release.albumType === null ? {} : { type: release.albumType }),
    artists: artistItems(release.artists),
    coverArt: sources(release.images),
    date: release.releaseDate === null ? null : { ...isoDate(release.releaseDate), precision: 'DAY', year },
    ...(release.totalTracks === null ? {} : { tracks: { totalCount: release.totalTracks } }),
    playability: { playable: true },
  };
}

/** An artist as search and related artists list it. */
export function apiArtistSummary(artist: ArtistSummary): Json {
  return {
    __typename: 'Artist',
    uri: artist.uri,
    profile: { name: artist.name },
    visuals: { avatarImage: sources(artist.images) },
  };
}

function apiPlaylistSummary(playlist: PlaylistSummary): Json {
  return {
    __typename: 'Playlist',
    uri: playlist.uri,
    name: playlist.name,
    description: playlist.description,
    images: { items: [sources(playlist.images)] },
    ownerV2: user(playlist.owner),
  };
}

function apiShowSummary(show: ShowSummary): Json {
  return {
    __typename: 'Podcast',
    uri: show.uri,
    name: show.name,
    publisher: show.publisher === null ? null : { name: show.publisher },
    coverArt: sources(show.images),
    mediaType: 'AUDIO',
  };
}

/** Whether every word of the query is in the entity's name (or, for a track or album, its artists' names). */
function matches(entity: AnyEntity, words: readonly string[]): boolean {
  const artists = 'artists' in entity ? entity.artists.map((artist) => artist.name).join(' ') : '';
  const text = `${entity.name} ${artists}`.toLowerCase();
  return words.every((word) => text.includes(word));
}

/** `searchV2` over `entities`: per type, the hits in the order added, `offset` and `limit` applied. */
export function searchAnswer(entities: Iterable<AnyEntity>, variables: Record<string, unknown>): Json {
  const query = String(variables['searchTerm'] ?? '');
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const offset = Number(variables['offset'] ?? 0);
  const limit = Number(variables['limit'] ?? 10);
  const found = [...entities].filter((entity) => words.length > 0 && matches(entity, words));
  const of = <T extends AnyEntity>(type: T['type']) => found.filter((entity): entity is T => entity.type === type);
  const section = <T>(hits: readonly T[], wrap: (hit: T) => Json, extra: Json = {}) => ({
    ...extra,
    totalCount: hits.length,
    items: hits.slice(offset, offset + limit).map(wrap),
  });
  return {
    searchV2: {
      tracksV2: section(of<Track>('track'), (track) => ({
        item: { __typename: 'TrackResponseWrapper', data: apiTrack(track) },
        matchedFields: [],
      })),
      albumsV2: section(
        of<Album>('album'),
        (album) => ({ __typename: 'AlbumResponseWrapper', data: apiRelease(releaseOf(album)) }),
        { __typename: 'AlbumOrPrereleasePage' },
      ),
      artists: section(of<Artist>('artist'), (artist) => ({
        __typename: 'ArtistResponseWrapper',
        data: apiArtistSummary(artistSummaryOf(artist)),
      })),
      playlists: section(of<Playlist>('playlist'), (playlist) => ({
        __typename: 'PlaylistResponseWrapper',
        data: apiPlaylistSummary(playlistSummaryOf(playlist)),
      })),
      podcasts: section(of<Show>('show'), (show) => ({
        __typename: 'PodcastResponseWrapper',
        data: apiShowSummary(showSummaryOf(show)),
      })),
      episodes: section(of<Episode>('episode'), (episode) => ({
        __typename: 'EpisodeResponseWrapper',
        data: apiEpisode(episode),
      })),
      audiobooks: { totalCount: 0, items: [] },
    },
  };
}

/** `artistUnion.discography.all`: one release group per release, paged by group. */
export function discographyAnswer(releases: readonly Release[], variables: Json): Json {
  const offset = Number(variables['offset'] ?? 0);
  const limit = Number(variables['limit'] ?? 50);
  return {
    artistUnion: {
      __typename: 'Artist',
      discography: {
        all: {
          totalCount: releases.length,
          items: releases
            .slice(offset, offset + limit)
            .map((release) => ({ releases: { items: [{ ...apiRelease(release), __typename: undefined }] } })),
        },
      },
    },
  };
}

export function relatedArtistsAnswer(artistUri: string, name: string, related: readonly ArtistSummary[]): Json {
  return {
    artistUnion: {
      __typename: 'Artist',
      uri: artistUri,
      profile: { name },
      relatedContent: {
        relatedArtists: {
          totalCount: related.length,
          items: related.map((artist) => ({ ...apiArtistSummary(artist), __typename: undefined })),
        },
      },
    },
  };
}

export function similarAlbumsAnswer(albums: readonly Release[], limit: number): Json {
  return {
    seoRecommendedTrackAlbum: {
      totalCount: albums.length,
      items: albums.slice(0, limit).map((album) => ({ data: apiRelease(album) })),
    },
  };
}

export function concertsAnswer(artistUri: string, name: string, concerts: readonly Concert[]): Json {
  return {
    artistUnion: { uri: artistUri, profile: { name } },
    concerts: {
      concerts: {
        items: concerts.map((concert) => ({
          data: {
            uri: concert.uri,
            title: concert.title,
            ...(concert.startDate === null ? {} : { startDateIsoString: concert.startDate }),
            location: {
              ...(concert.city === null ? {} : { city: concert.city }),
              ...(concert.venue === null ? {} : { name: concert.venue }),
            },
            artists: {
              items: concert.artists.map((artist) => ({ data: { profile: { name: artist.name }, uri: artist.uri } })),
            },
          },
        })),
      },
    },
  };
}

export function colorsAnswer(colors: Colors): Json {
  const hex = (value: string) => ({ hex: value, isFallback: colors.isFallback });
  return {
    extractedColors: [
      {
        __typename: 'ExtractedColors',
        colorRaw: hex(colors.raw),
        colorDark: hex(colors.dark),
        colorLight: hex(colors.light),
      },
    ],
  };
}
