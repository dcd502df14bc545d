import type { AnyEntity } from '../models/entities.js';
import type { ArtistRef, Episode, Image, Track } from '../models/index.js';

/**
 * Models written back as the embed pages Spotify serves (SPEC §3, `__NEXT_DATA__`). The fake Spotify
 * serves these; the client reads them back into models.
 */

type Json = Record<string, unknown>;

/** A fake anonymous token: what the fake's embed pages carry and its partner API accepts. */
export const FAKE_TOKEN = 'BQ-fake-anonymous-token-for-tests-0000000000';

const visual = (images: readonly Image[]) => ({
  image: images.map((image) => ({ url: image.url, maxWidth: image.width, maxHeight: image.height })),
});
const names = (artists: readonly ArtistRef[]) => artists.map((artist) => artist.name).join(',\u00a0');
/** `{isoString}` as Spotify dates are, or null. */
export const isoDate = (iso: string | null) => (iso === null ? null : { isoString: iso });

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
    releaseDate: isoDate(episode.releaseDate),
    hasVideo: episode.hasVideo,
    audioPreview: episode.previewUrl === null ? null : { url: episode.previewUrl },
    relatedEntityUri: episode.show?.uri,
    relatedEntityCoverArt: episode.show ? visual(episode.show.images).image : [],
    visualIdentity: visual(episode.images),
  };
}

/** The embed entity a page carries for `model` (a show's page carries its latest episode). */
function embedEntity(model: AnyEntity): { entity: Json; embedded: string } {
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
          releaseDate: isoDate(model.releaseDate),
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
          releaseDate: isoDate(model.releaseDate),
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
          // As on Spotify: no description, and the owner only as the subtitle (the partner API has the rest).
          subtitle: model.owner?.name ?? '',
          authors: null,
          visualIdentity: visual(model.images),
          // An embed lists at most the first 100 items.
          trackList: model.tracks
            .slice(0, 100)
            .map((item) => (item.track.type === 'track' ? trackRow(item.track) : episodeRow(item.track))),
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
export function embedPage(model: AnyEntity, token = FAKE_TOKEN, expiresAtMs = Date.now() + 3_600_000): string {
  const { entity, embedded } = embedEntity(model);
  const state = {
    data: { entity, embeded_entity_uri: embedded },
    settings: { session: { accessToken: token, accessTokenExpirationTimestampMs: expiresAtMs, isAnonymous: true } },
  };
  const json = JSON.stringify({
    props: { pageProps: { state }, __N_SSP: true },
    page: '/embed/[type]/[id]',
    query: {},
    buildId: 'fake',
    isFallback: false,
  });
  return `<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/><title></title></head><body><div id="__next"></div><script id="__NEXT_DATA__" type="application/json">${json}</script></body></html>`;
}

/** Spotify's "Page not found" embed page. */
export function notFoundPage(): string {
  const json = JSON.stringify({
    props: { pageProps: { status: 404, title: 'Page not found' } },
    page: '/embed/[type]/[id]',
    query: {},
  });
  return `<!DOCTYPE html><html><body><script id="__NEXT_DATA__" type="application/json">${json}</script></body></html>`;
}
