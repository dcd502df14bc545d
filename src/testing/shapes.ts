import type { Album, Artist, ArtistRef, Episode, Image, Playlist, PlaylistItem, Show, Track, UserRef } from '../models/index.js';

/**
 * Models written back in the shapes Spotify serves them (SPEC §3): the `__NEXT_DATA__` embed page and
 * the partner API's answers. The fake Spotify serves these; the client reads them back into models.
 */

type Json = Record<string, unknown>;

/** A fake anonymous token: what the fake's embed pages carry and its partner API accepts. */
export const FAKE_TOKEN = 'BQ-fake-anonymous-token-for-tests-0000000000';

const visual = (images: readonly Image[]) => ({ image: images.map((image) => ({ url: image.url, maxWidth: image.width, maxHeight: image.height })) });
const sources = (images: readonly Image[]) => ({ sources: images.map((image) => ({ url: image.url, width: image.width, height: image.height })) });
const names = (artists: readonly ArtistRef[]) => artists.map((artist) => artist.name).join(',\u00a0');
const date = (iso: string | null) => (iso === null ? null : { isoString: iso });

function trackRow(track: Track): Json {
  return {
    uri: track.uri,
    uid: `row-${track.id}`,
    title: track.name,
    subtitle: names(track.artists),
    duration: track.durationMs,
    isExplicit: track.explicit,
    isPlayable: track.playable,
    entityType: 'track',
    audioPreview: track.previewUrl === null ? null : { url: track.previewUrl, format: 'MP3_96' },
  };
}

function episodeRow(episode: Episode): Json {
  return {
    uri: episode.uri,
    uid: `row-${episode.id}`,
    title: episode.name,
    subtitle: episode.show?.name ?? '',
    duration: episode.durationMs,
    isExplicit: episode.explicit,
    isPlayable: episode.playable,
    entityType: 'episode',
    audioPreview: episode.previewUrl === null ? null : { url: episode.previewUrl, format: 'MP3_96' },
  };
}

function episodeEntity(episode: Episode): Json {
  return {
    type: 'episode',
    id: episode.id,
    uri: episode.uri,
    title: episode.name,
    name: episode.name,
    subtitle: episode.show?.name,
    description: episode.description,
    duration: episode.durationMs,
    isExplicit: episode.explicit,
    isPlayable: episode.playable,
    releaseDate: date(episode.releaseDate),
    hasVideo: episode.hasVideo,
    audioPreview: episode.previewUrl === null ? null : { url: episode.previewUrl },
    relatedEntityUri: episode.show?.uri,
    relatedEntityCoverArt: episode.show ? visual(episode.show.images).image : [],
    visualIdentity: visual(episode.images),
  };
}

type Entity = Track | Album | Artist | Playlist | Episode | Show;

/** The embed entity a page carries for `model` (a show's page carries its latest episode). */
function embedEntity(model: Entity): { entity: Json; embedded: string } {
  switch (model.type) {
    case 'track':
      return {
        embedded: model.uri,
        entity: {
          type: 'track',
          id: model.id,
          uri: model.uri,
          title: model.name,
          name: model.name,
          artists: model.artists.map((artist) => ({ name: artist.name, uri: artist.uri })),
          duration: model.durationMs,
          isExplicit: model.explicit,
          isPlayable: model.playable,
          releaseDate: date(model.releaseDate),
          audioPreview: model.previewUrl === null ? null : { url: model.previewUrl },
          visualIdentity: visual(model.images),
        },
      };
    case 'album':
      return {
        embedded: model.uri,
        entity: {
          type: 'album',
          id: model.id,
          uri: model.uri,
          title: model.name,
          subtitle: names(model.artists),
          releaseDate: date(model.releaseDate),
          visualIdentity: visual(model.images),
          trackList: model.tracks.map(trackRow),
        },
      };
    case 'artist':
      return {
        embedded: model.uri,
        entity: {
          type: 'artist',
          id: model.id,
          uri: model.uri,
          title: model.name,
          subtitle: 'Top tracks',
          visualIdentity: visual(model.images),
          trackList: model.topTracks.map(trackRow),
        },
      };
    case 'playlist':
      return {
        embedded: model.uri,
        entity: {
          type: 'playlist',
          id: model.id,
          uri: model.uri,
          title: model.name,
          description: model.description,
          authors: model.owner ? [{ name: model.owner.name, uri: model.owner.uri }] : [],
          visualIdentity: visual(model.images),
          // An embed lists at most the first 100 items.
          trackList: model.tracks.slice(0, 100).map((item) => (item.track.type === 'track' ? trackRow(item.track) : episodeRow(item.track))),
        },
      };
    case 'episode':
      return { embedded: model.uri, entity: episodeEntity(model) };
    case 'show': {
      const latest = model.episodes[0];
      if (!latest) throw new Error(`a fake show needs at least one episode (${model.id})`);
      return { embedded: model.uri, entity: episodeEntity(latest) };
    }
  }
}

/** The embed page of `model`, as open.spotify.com/embed/TYPE/ID serves it. */
export function embedPage(model: Entity, token = FAKE_TOKEN, expiresAtMs = Date.now() + 3_600_000): string {
  const { entity, embedded } = embedEntity(model);
  const state = {
    data: { entity, embeded_entity_uri: embedded },
    settings: { session: { accessToken: token, accessTokenExpirationTimestampMs: expiresAtMs, isAnonymous: true } },
  };
  const json = JSON.stringify({ props: { pageProps: { state }, __N_SSP: true }, page: '/embed/[type]/[id]', query: {}, buildId: 'fake', isFallback: false });
  return `<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/><title></title></head><body><div id="__next"></div><script id="__NEXT_DATA__" type="application/json">${json}</script></body></html>`;
}

/** Spotify's "Page not found" embed page. */
export function notFoundPage(): string {
  const json = JSON.stringify({ props: { pageProps: { status: 404, title: 'Page not found' } }, page: '/embed/[type]/[id]', query: {} });
  return `<!DOCTYPE html><html><body><script id="__NEXT_DATA__" type="application/json">${json}</script></body></html>`;
}

const artistItems = (artists: readonly ArtistRef[]) => ({ items: artists.map((artist) => ({ profile: { name: artist.name }, uri: artist.uri })) });

function apiTrack(track: Track): Json {
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
      : { albumOfTrack: { uri: track.album.uri, name: track.album.name, coverArt: sources(track.album.images), date: date(track.releaseDate) } }),
  };
}

function apiEpisode(episode: Episode): Json {
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

const user = (owner: UserRef | null) => (owner === null ? null : { data: { __typename: 'User', name: owner.name, uri: owner.uri, username: owner.id } });

function page<T>(items: readonly T[], offset: number, limit: number): T[] {
  return items.slice(offset, offset + limit);
}

/**
 * The partner API's answer to `operation` about `model` (the `data` document), or undefined when the
 * operation is not about this kind of entity.
 */
export function partnerAnswer(model: Entity, operation: string, variables: { offset?: number; limit?: number }): Json | undefined {
  const offset = variables.offset ?? 0;
  const limit = variables.limit ?? 50;
  switch (`${model.type}:${operation}`) {
    case 'track:getTrack':
      return { trackUnion: apiTrack(model as Track) };
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
            items: page(album.tracks, offset, limit).map((track) => ({ uid: `row-${track.id}`, track: { ...apiTrack(track), albumOfTrack: undefined } })),
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
          stats: { followers: artist.followers, monthlyListeners: artist.monthlyListeners, worldRank: artist.worldRank ?? 0 },
          visuals: { avatarImage: sources(artist.images) },
          discography: { topTracks: { items: artist.topTracks.map((track) => ({ track: apiTrack(track) })) } },
        },
      };
    }
    case 'playlist:fetchPlaylist': {
      const playlist = model as Playlist;
      const items = (item: PlaylistItem) => ({
        uid: `row-${item.track.id}`,
        addedAt: date(item.addedAt),
        addedBy: user(item.addedBy),
        itemV2: { data: item.track.type === 'track' ? apiTrack(item.track) : apiEpisode(item.track) },
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
          content: { totalCount: playlist.totalTracks ?? playlist.tracks.length, items: page(playlist.tracks, offset, limit).map(items) },
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
      return { podcastUnionV2: { uri: show.uri, episodesV2: { totalCount: show.totalEpisodes ?? show.episodes.length, items } } };
    }
    default:
      return undefined;
  }
}
