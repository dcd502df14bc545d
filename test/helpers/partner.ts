/**
 * Builds partner API (pathfinder) responses in the shape of SPEC §3 / the shared fixtures, for a fake
 * server that pages synthetic playlists and shows of any size.
 */
import type { Json } from './pages.js';

const cover = (seed: string) => ({
  sources: [
    { url: `https://i.scdn.co/image/${seed}640`, width: 640, height: 640 },
    { url: `https://i.scdn.co/image/${seed}64`, width: 64, height: 64 },
  ],
});

/** A track as the API lists it (album tracks, top tracks, playlist items). */
export function apiTrackData(id: string, index: number): Json {
  return {
    __typename: 'Track',
    uri: `spotify:track:${id}`,
    name: `Track ${index}`,
    trackDuration: { totalMilliseconds: 180_000 + index },
    duration: { totalMilliseconds: 180_000 + index },
    playcount: String(1000 + index),
    trackNumber: (index % 12) + 1,
    discNumber: 1,
    contentRating: { label: index % 7 === 0 ? 'EXPLICIT' : 'NONE' },
    playability: { playable: true, reason: 'PLAYABLE' },
    artists: {
      items: [{ profile: { name: `Artist ${index % 5}` }, uri: `spotify:artist:${'A'.repeat(21)}${index % 5}` }],
    },
    albumOfTrack: {
      uri: `spotify:album:${'B'.repeat(22)}`,
      name: 'Some Album',
      coverArt: cover('alb'),
      date: { isoString: '2020-01-01T00:00:00Z' },
    },
  };
}

export function apiEpisodeData(id: string, index: number, showUri: string): Json {
  return {
    __typename: 'Episode',
    uri: `spotify:episode:${id}`,
    id,
    name: `Episode ${index}`,
    description: `About episode ${index}`,
    duration: { totalMilliseconds: 3_600_000 + index },
    contentRating: { label: 'NONE' },
    playability: { playable: true },
    releaseDate: { isoString: '2026-01-01T00:00:00Z' },
    coverArt: cover('ep'),
    mediaTypes: ['AUDIO'],
    previewPlayback: null,
    podcastV2: { data: { uri: showUri, name: 'The Show', coverArt: cover('show') } },
  };
}

export function playlistPage(
  uri: string,
  ids: readonly string[],
  offset: number,
  limit: number,
  extra: Json = {},
): Json {
  const slice = ids.slice(offset, offset + limit);
  return {
    data: {
      playlistV2: {
        __typename: 'Playlist',
        uri,
        name: 'Big Playlist',
        description: 'A long one',
        followers: 4242,
        ownerV2: { data: { __typename: 'User', name: 'Owner Name', uri: 'spotify:user:owner', username: 'owner' } },
        images: { items: [cover('pl')] },
        content: {
          __typename: 'PlaylistItemsPage',
          totalCount: ids.length,
          pagingInfo: { offset, limit },
          items: slice.map((id, i) => ({
            uid: `uid-${offset + i}`,
            addedAt: { isoString: `2026-01-01T00:00:${String((offset + i) % 60).padStart(2, '0')}Z` },
            addedBy: { data: { __typename: 'User', name: 'Adder', uri: 'spotify:user:adder', username: 'adder' } },
            itemV2: { __typename: 'TrackResponseWrapper', data: apiTrackData(id, offset + i) },
          })),
        },
        ...extra,
      },
    },
  };
}

export function showMetadata(uri: string): Json {
  return {
    data: {
      podcastUnionV2: {
        __typename: 'Podcast',
        uri,
        name: 'The Show',
        description: 'A show about loopback',
        publisher: { name: 'Loopback Media' },
        mediaType: 'AUDIO',
        coverArt: cover('show'),
      },
    },
  };
}

export function showEpisodesPage(uri: string, ids: readonly string[], offset: number, limit: number): Json {
  const slice = ids.slice(offset, offset + limit);
  return {
    data: {
      podcastUnionV2: {
        uri,
        episodesV2: {
          totalCount: ids.length,
          pagingInfo: { nextOffset: offset + slice.length },
          items: slice.map((id, i) => ({
            uid: `e-${offset + i}`,
            entity: { _uri: `spotify:episode:${id}`, data: apiEpisodeData(id, offset + i, uri) },
          })),
        },
      },
    },
  };
}

/** A synthetic, valid 22-character id for item `index` of a list. */
export function itemId(prefix: string, index: number): string {
  // The index is padded first: padding after it would make `x1` and `x10` the same id.
  return `${prefix}${index.toString(36).padStart(5, '0')}`.padEnd(22, 'Z').slice(0, 22);
}
