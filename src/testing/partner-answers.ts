import type {
  Album,
  Artist,
  ArtistRef,
  Episode,
  Image,
  Playlist,
  PlaylistItem,
  Show,
  Track,
  UserRef,
} from '../models/index.js';
import type { AnyEntity } from '../models/entities.js';
import { isoDate as date } from './embed-pages.js';

/** Models written back as the partner API's answers (SPEC §3). The fake Spotify serves these. */

type Json = Record<string, unknown>;

export const sources = (images: readonly Image[]) => ({
  sources: images.map((image) => ({ url: image.url, width: image.width, height: image.height })),
});

export const artistItems = (artists: readonly ArtistRef[]) => ({
  items: artists.map((artist) => ({ profile: { name: artist.name }, uri: artist.uri })),
});

export function apiTrack(track: Track): Json {
  return {
    __typename: 'Track',
    uri: track.uri,
    name: track.name,
    duration: { totalMilliseconds: track.durationMs },
    ...(track.playCount === null ? {} : { playcount: String(track.playCount) }),
    ...(track.trackNumber === null ? {} : { trackNumber: track.trackNumber }),
    ...(track.discNumber === null ? {} : { discNumber: track.discNumber }),
    contentRating: { label: track.explicit ? 'EXPLICIT' : 'NONE' },
    playability: { playable: track.playable },
    artists: artistItems(track.artists),
    ...(track.album === null
      ? {}
      : {
          albumOfTrack: {
            uri: track.album.uri,
            name: track.album.name,
            coverArt: sources(track.album.images),
            date: date(track.releaseDate),
          },
        }),
  };
}

export function apiEpisode(episode: Episode): Json {
  return {
    __typename: 'Episode',
    uri: episode.uri,
    name: episode.name,
    description: episode.description,
    duration: { totalMilliseconds: episode.durationMs },
    contentRating: { label: episode.explicit ? 'EXPLICIT' : 'NONE' },
    playability: { playable: episode.playable },
    releaseDate: date(episode.releaseDate),
    coverArt: sources(episode.images),
    mediaTypes: episode.hasVideo ? ['AUDIO', 'VIDEO'] : ['AUDIO'],
    previewPlayback: episode.previewUrl === null ? null : { audioPreview: { cdnUrl: episode.previewUrl } },
    podcastV2:
      episode.show === null
        ? null
        : {
            data: {
              uri: episode.show.uri,
              name: episode.show.name,
              publisher: episode.show.publisher === null ? null : { name: episode.show.publisher },
              coverArt: sources(episode.show.images),
            },
          },
  };
}

export const user = (owner: UserRef | null) =>
  owner === null ? null : { data: { __typename: 'User', name: owner.name, uri: owner.uri, username: owner.id } };

function page<T>(items: readonly T[], offset: number, limit: number): T[] {
  return items.slice(offset, offset + limit);
}

/**
 * The partner API's answer to `operation` about `model` (the `data` document), or undefined when the
 * operation is not about this kind of entity.
 */
export function partnerAnswer(
  model: AnyEntity,
  operation: string,
  variables: { offset?: number; limit?: number },
): Record<string, unknown> | undefined {
  const offset = variables.offset ?? 0;
  const limit = variables.limit ?? 50;
  switch (`${model.type}:${operation}`) {
    case 'track:getTrack': {
      // getTrack names the artists as firstArtist and otherArtists, as Spotify's answer does.
      const track = model as Track;
      const [first, ...others] = artistItems(track.artists).items;
      return {
        trackUnion: {
          ...apiTrack(track),
          artists: undefined,
          firstArtist: { items: first ? [first] : [], totalCount: first ? 1 : 0 },
          otherArtists: { items: others },
        },
      };
    }
    case 'album:getAlbum': {
      const album = model as Album;
      return {
        albumUnion: {
          __typename: 'Album',
          uri: album.uri,
          name: album.name,
          type: album.albumType,
          label: album.label,
          date: date(album.releaseDate),
          artists: artistItems(album.artists),
          coverArt: sources(album.images),
          copyright: { items: album.copyrights.map((text) => ({ text })) },
          tracksV2: {
            totalCount: album.totalTracks ?? album.tracks.length,
            items: page(album.tracks, offset, limit).map((track) => ({
              uid: `row-${track.id}`,
              track: { ...apiTrack(track), __typename: undefined, albumOfTrack: undefined },
            })),
          },
        },
      };
    }
    case 'artist:queryArtistOverview': {
      const artist = model as Artist;
      return {
        artistUnion: {
          __typename: 'Artist',
          uri: artist.uri,
          profile: { name: artist.name, biography: artist.biography === null ? null : { text: artist.biography } },
          stats: {
            followers: artist.followers,
            monthlyListeners: artist.monthlyListeners,
            worldRank: artist.worldRank ?? 0,
          },
          visuals: { avatarImage: sources(artist.images) },
          discography: {
            topTracks: {
              items: artist.topTracks.map((track) => ({ track: { ...apiTrack(track), __typename: undefined } })),
            },
          },
        },
      };
    }
    case 'playlist:fetchPlaylist': {
      const playlist = model as Playlist;
      const items = (item: PlaylistItem) => ({
        uid: `row-${item.track.id}`,
        addedAt: date(item.addedAt),
        addedBy: user(item.addedBy),
        // A playlist's track carries its length as trackDuration, as Spotify's answer does.
        itemV2: {
          data:
            item.track.type === 'track'
              ? {
                  ...apiTrack(item.track),
                  duration: undefined,
                  trackDuration: { totalMilliseconds: item.track.durationMs },
                }
              : apiEpisode(item.track),
        },
      });
      return {
        playlistV2: {
          __typename: 'Playlist',
          uri: playlist.uri,
          name: playlist.name,
          description: playlist.description,
          followers: playlist.followers,
          ownerV2: user(playlist.owner),
          images: { items: [sources(playlist.images)] },
          content: {
            totalCount: playlist.totalTracks ?? playlist.tracks.length,
            items: page(playlist.tracks, offset, limit).map(items),
          },
        },
      };
    }
    case 'episode:getEpisodeOrChapter':
      return { episodeUnionV2: apiEpisode(model as Episode) };
    case 'show:queryShowMetadataV2': {
      const show = model as Show;
      return {
        podcastUnionV2: {
          __typename: 'Podcast',
          uri: show.uri,
          name: show.name,
          description: show.description,
          publisher: show.publisher === null ? null : { name: show.publisher },
          mediaType: show.mediaType,
          coverArt: sources(show.images),
        },
      };
    }
    case 'show:queryPodcastEpisodes': {
      const show = model as Show;
      const items = page(show.episodes, offset, limit).map((episode) => ({
        uid: `row-${episode.id}`,
        entity: { _uri: episode.uri, data: apiEpisode(episode) },
      }));
      return {
        podcastUnionV2: {
          uri: show.uri,
          episodesV2: { totalCount: show.totalEpisodes ?? show.episodes.length, items },
        },
      };
    }
    default:
      return undefined;
  }
}
