import { createHash } from 'node:crypto';
import type { AnyEntity } from '../models/entities.js';
import type { Track } from '../models/index.js';
import { searchAnswer } from './discovery-answers.js';
import { json, type FakeAnswer } from './fake-answer.js';
import { apiEpisode, apiTrack, artistItems, sources } from './partner-answers.js';

/**
 * The answers of the operations that take a list of uris (SPEC §11), in the shapes of the shared
 * fixtures' `batch/` files: decorateContextTracks carries what the real capture carries and nothing
 * more (no content rating, play count, numbers, date or preview); an unknown uri is `null`.
 */

type Json = Record<string, unknown>;
type Variables = Readonly<Record<string, unknown>>;
type Lookup = (uri: unknown) => AnyEntity | undefined;

function urisOf(variables: Variables): string[] {
  const uris = variables['uris'];
  return Array.isArray(uris) ? uris.filter((uri): uri is string => typeof uri === 'string') : [];
}

/** A track as decorateContextTracks describes it. */
export function decoratedTrack(track: Track): Json {
  return {
    __typename: 'Track',
    uri: track.uri,
    name: track.name,
    albumOfTrack:
      track.album === null
        ? null
        : { uri: track.album.uri, name: track.album.name, coverArt: sources(track.album.images) },
    artists: artistItems(track.artists),
    duration: { totalMilliseconds: track.durationMs },
    playability: { playable: track.playable },
    relinkingInformation: null,
  };
}

export function decorateTracksAnswer(variables: Variables, entity: Lookup): FakeAnswer {
  const tracks = urisOf(variables).map((uri) => {
    const found = entity(uri);
    return found?.type === 'track' ? decoratedTrack(found) : null;
  });
  return json(200, { data: { tracks } });
}

export function decorateEpisodesAnswer(variables: Variables, entity: Lookup): FakeAnswer {
  const episodes = urisOf(variables).map((uri) => {
    const found = entity(uri);
    return found?.type === 'episode' ? apiEpisode(found) : null;
  });
  return json(200, { data: { episodes } });
}

/** trackPreview: one `lookup[]` entry per uri asked, in order; an unknown uri is Spotify's NotFound. */
export function trackPreviewAnswer(variables: Variables, entity: Lookup): FakeAnswer {
  const lookup = urisOf(variables).map((uri) => {
    const found = entity(uri);
    if (found?.type !== 'track') return { __typename: 'NotFound', message: 'NotFound' };
    const items = found.previewUrl === null ? [] : [{ url: found.previewUrl }];
    return { __typename: 'TrackResponseWrapper', data: { uri, previews: { audioPreviewsV2: { items } } } };
  });
  return json(200, { data: { lookup } });
}

/** internalLinkRecommenderTrack: the tracks set for the track, `limit` of them, as search hits. */
export function recommendationsAnswer(tracks: readonly Track[], variables: Variables): Json {
  const limit = Number(variables['limit'] ?? 20);
  return {
    seoRecommendedTrack: {
      __typename: 'TrackRecommendations',
      items: tracks.slice(0, limit).map((track) => ({ data: apiTrack(track) })),
    },
  };
}

/** The `searchV2` section each per-type search operation answers with. */
const SECTION_OF: Readonly<Record<string, string>> = {
  searchTracks: 'tracksV2',
  searchAlbums: 'albumsV2',
  searchArtists: 'artists',
  searchPlaylists: 'playlists',
  searchPodcasts: 'podcasts',
  searchEpisodes: 'episodes',
};

/** A per-type search (searchTracks…): `searchV2` with that type's section only. */
export const typeSearchAnswer =
  (operation: string) =>
  (entities: Iterable<AnyEntity>, variables: Variables): FakeAnswer => {
    const section = SECTION_OF[operation] as string;
    const all = searchAnswer(entities, { ...variables })['searchV2'] as Json;
    return json(200, { data: { searchV2: { [section]: all[section] } } });
  };

/** The ISRC of a fake track: the one set, else one made from its id (the same every run). */
export function fakeIsrc(trackId: string): string {
  const digits = BigInt(`0x${createHash('sha256').update(trackId).digest('hex').slice(0, 12)}`) % 10_000_000n;
  return `QZFAK${String(digits).padStart(7, '0')}`;
}
