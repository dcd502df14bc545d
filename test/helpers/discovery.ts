/**
 * Builds partner API answers of the discovery operations (SPEC §6) in Spotify's shape, so tests and
 * the demo never need captured answers.
 */
import { apiEpisodeData, apiTrackData, itemId } from './partner.js';
import type { Json } from './pages.js';

const cover = (seed: string, size = 640) => ({
  sources: [{ url: `https://i.scdn.co/image/${seed.padEnd(40, '0')}`, width: size, height: size }],
});

export function apiAlbumData(id: string, index: number, extra: Json = {}): Json {
  return {
    __typename: 'Album',
    uri: `spotify:album:${id}`,
    name: `Album ${index}`,
    type: index % 3 === 0 ? 'SINGLE' : 'ALBUM',
    artists: { items: [{ profile: { name: 'Loop Artist' }, uri: `spotify:artist:${'L'.repeat(22)}` }] },
    coverArt: cover(`ab67616d${index.toString(16)}`),
    date: {
      isoString: `20${String(10 + (index % 15)).padStart(2, '0')}-01-01T00:00:00Z`,
      precision: 'DAY',
      year: 2010 + (index % 15),
    },
    tracks: { totalCount: 10 + index },
    playability: { playable: true },
    ...extra,
  };
}

export function apiArtistData(id: string, index: number): Json {
  return {
    __typename: 'Artist',
    id,
    uri: `spotify:artist:${id}`,
    profile: { name: `Artist ${index}` },
    visuals: { avatarImage: cover(`ab676161${index.toString(16)}`) },
  };
}

export function searchAnswer(query: string, perType: number, offset = 0): Json {
  const ids = (prefix: string) => Array.from({ length: perType }, (_, i) => itemId(prefix, offset + i));
  return {
    data: {
      searchV2: {
        query,
        tracksV2: {
          totalCount: 1000,
          items: ids('st').map((id, i) => ({
            item: { __typename: 'TrackResponseWrapper', data: { ...apiTrackData(id, offset + i), id } },
            matchedFields: [],
          })),
        },
        albumsV2: {
          __typename: 'AlbumOrPrereleasePage',
          totalCount: 897,
          items: ids('sa').map((id, i) => ({
            __typename: 'AlbumResponseWrapper',
            data: apiAlbumData(id, offset + i, { tracks: undefined, date: { year: 2013 } }),
          })),
        },
        artists: {
          totalCount: 821,
          items: ids('sr').map((id, i) => ({
            __typename: 'ArtistResponseWrapper',
            data: apiArtistData(id, offset + i),
          })),
        },
        playlists: {
          totalCount: 904,
          items: ids('sp').map((id, i) => ({
            __typename: 'PlaylistResponseWrapper',
            data: {
              __typename: 'Playlist',
              uri: `spotify:playlist:${id}`,
              name: `Playlist ${offset + i}`,
              description: 'Hits',
              images: { items: [cover('ab67706c')] },
              ownerV2: {
                data: { __typename: 'User', name: 'Curator', uri: 'spotify:user:curator', username: 'curator' },
              },
            },
          })),
        },
        podcasts: {
          totalCount: 761,
          items: ids('sh').map((id, i) => ({
            __typename: 'PodcastResponseWrapper',
            data: {
              __typename: 'Podcast',
              uri: `spotify:show:${id}`,
              name: `Show ${offset + i}`,
              publisher: { name: 'Loop Media' },
              coverArt: cover('ab676563'),
              mediaType: 'AUDIO',
            },
          })),
        },
        episodes: {
          totalCount: 1000,
          items: ids('se').map((id, i) => ({
            __typename: 'EpisodeResponseWrapper',
            data: apiEpisodeData(id, offset + i, `spotify:show:${'S'.repeat(22)}`),
          })),
        },
        audiobooks: { totalCount: 0, items: [] },
      },
    },
  };
}

/** Release groups `offset..offset+limit` of a discography of `groups` groups; every 4th has two editions. */
export function discographyAnswer(artistUri: string, groups: number, offset: number, limit: number): Json {
  const items = Array.from({ length: Math.max(0, Math.min(limit, groups - offset)) }, (_, i) => {
    const index = offset + i;
    const editions = index % 4 === 0 ? 2 : 1;
    return {
      releases: { items: Array.from({ length: editions }, (_, e) => apiAlbumData(itemId(`d${e}`, index), index)) },
    };
  });
  return {
    data: {
      artistUnion: { __typename: 'Artist', uri: artistUri, discography: { all: { totalCount: groups, items } } },
    },
  };
}

export function relatedAnswer(artistUri: string, count: number): Json {
  const items = Array.from({ length: count }, (_, i) => apiArtistData(itemId('rel', i), i));
  return {
    data: {
      artistUnion: {
        __typename: 'Artist',
        uri: artistUri,
        profile: { name: 'Seed' },
        relatedContent: { relatedArtists: { totalCount: count, items } },
      },
    },
  };
}

export function similarAlbumsAnswer(count: number): Json {
  return {
    data: {
      seoRecommendedTrackAlbum: {
        totalCount: count,
        items: Array.from({ length: count }, (_, i) => ({ data: apiAlbumData(itemId('sim', i), i) })),
      },
    },
  };
}

export function concertsAnswer(artistUri: string, count: number): Json {
  const items = Array.from({ length: count }, (_, i) => ({
    data: {
      uri: `spotify:concert:${itemId('con', i)}`,
      title: `Loop Festival ${i}`,
      startDateIsoString: `2026-07-${String(1 + i).padStart(2, '0')}T19:00+02:00`,
      location: { city: `City ${i}`, name: `Hall ${i}` },
      artists: { items: [{ data: { profile: { name: 'Seed' } } }, { data: { profile: { name: `Guest ${i}` } } }] },
    },
  }));
  return { data: { artistUnion: { uri: artistUri, profile: { name: 'Seed' } }, concerts: { concerts: { items } } } };
}

export function colorsAnswer(raw = '#780010', dark = '#780010', light = '#ed0020', isFallback = false): Json {
  return {
    data: {
      extractedColors: [
        {
          __typename: 'ExtractedColors',
          colorRaw: { hex: raw, isFallback },
          colorDark: { hex: dark, isFallback },
          colorLight: { hex: light, isFallback },
        },
      ],
    },
  };
}
