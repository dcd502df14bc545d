import { NotFoundError } from '../errors.js';
import type { EntityType } from '../input.js';
import type { Album, Artist, Episode, Playlist, PlaylistItem, Show, Track } from '../models/index.js';
import type { EntityByType, ListLimits } from '../parse/index.js';
import { apiEpisode } from '../parse/pathfinder/episode.js';
import { apiAlbum, apiArtist, apiPlaylist, apiShow, apiShowEpisodes } from '../parse/pathfinder/entities.js';
import { fillGaps, previewsOf, withEmbedTail } from '../parse/pathfinder/merge.js';
import { apiTrack } from '../parse/pathfinder/track.js';
import type { OperationKind, PersistedOperation } from './operations.js';
import { collectPages, type PagedResult } from './paging.js';
import { runQuery, type QueryContext } from './query.js';

export interface EnrichContext {
  query: QueryContext;
  operations: Readonly<Record<OperationKind, PersistedOperation>>;
  limits: ListLimits;
  warn: (message: string) => void;
}

const ALBUM_PAGE = 50;
const PLAYLIST_PAGE = 100;
const EPISODE_PAGE = 50;

/** Adds what the partner API knows to a model built from the embed page (SPEC §3). */
export function enrich<T extends EntityType>(type: T, model: EntityByType[T], context: EnrichContext): Promise<EntityByType[T]> {
  const enrichers: { [K in EntityType]: (model: EntityByType[K], context: EnrichContext) => Promise<EntityByType[K]> } = {
    track: enrichTrack,
    album: enrichAlbum,
    artist: enrichArtist,
    playlist: enrichPlaylist,
    episode: enrichEpisode,
    show: enrichShow,
  };
  return (enrichers[type] as (model: EntityByType[T], context: EnrichContext) => Promise<EntityByType[T]>)(model, context);
}

function query(context: EnrichContext, kind: OperationKind, variables: Record<string, unknown>, root: string): Promise<unknown> {
  return runQuery(context.query, context.operations[kind], variables, root);
}

async function enrichTrack(track: Track, context: EnrichContext): Promise<Track> {
  const data = await query(context, 'track', { uri: track.uri }, 'trackUnion');
  const rich = apiTrack(data, previewsOf([track]));
  return rich ? fillGaps(track, rich) : track;
}

async function enrichAlbum(album: Album, context: EnrichContext): Promise<Album> {
  const previews = previewsOf(album.tracks);
  const variables = (offset: number, limit: number) => ({ uri: album.uri, locale: '', offset, limit });
  const first = apiAlbum(await query(context, 'album', variables(0, ALBUM_PAGE), 'albumUnion'), previews);
  const tracks = await collectPages(
    async (offset, limit) => apiAlbum(await query(context, 'album', variables(offset, limit), 'albumUnion'), previews).page,
    { max: Infinity, pageSize: ALBUM_PAGE, first: first.page },
  );
  reportPaging(context, `album ${album.id}`, tracks);
  const { details } = first;
  return {
    ...fillGaps(album, { ...details, name: undefined, artists: undefined }),
    artists: details.artists.length > 0 ? details.artists : album.artists,
    totalTracks: tracks.total ?? album.totalTracks,
    tracks: withEmbedTail(tracks.items, album.tracks, Infinity),
  };
}

async function enrichArtist(artist: Artist, context: EnrichContext): Promise<Artist> {
  const data = await query(context, 'artist', { uri: artist.uri, locale: '', includePrerelease: false }, 'artistUnion');
  const rich = apiArtist(data, previewsOf(artist.topTracks));
  return { ...fillGaps(artist, { ...rich, topTracks: undefined }), topTracks: rich.topTracks.length > 0 ? rich.topTracks : artist.topTracks };
}

async function enrichPlaylist(playlist: Playlist, context: EnrichContext): Promise<Playlist> {
  const previews = previewsOf(playlist.tracks.map((item) => item.track));
  const max = context.limits.maxTracks;
  const variables = (offset: number, limit: number) => ({ uri: playlist.uri, offset, limit, enableWatchFeedEntrypoint: false });
  const first = apiPlaylist(await query(context, 'playlist', variables(0, Math.min(PLAYLIST_PAGE, Math.max(1, max))), 'playlistV2'), previews);
  const items = await collectPages<PlaylistItem>(
    async (offset, limit) => apiPlaylist(await query(context, 'playlist', variables(offset, limit), 'playlistV2'), previews).page,
    { max, pageSize: PLAYLIST_PAGE, first: first.page },
  );
  reportPaging(context, `playlist ${playlist.id}`, items);
  const { details } = first;
  return {
    ...fillGaps(playlist, { ...details, name: undefined, owner: undefined }),
    owner: details.owner ?? playlist.owner,
    tracks: withEmbedTail(items.items, playlist.tracks, max),
  };
}

async function enrichEpisode(episode: Episode, context: EnrichContext): Promise<Episode> {
  const data = await query(context, 'episode', { uri: episode.uri }, 'episodeUnionV2');
  const rich = apiEpisode(data, previewsOf([episode]));
  if (!rich) return episode;
  const show = episode.show && rich.show ? fillGaps(episode.show, rich.show) : (episode.show ?? rich.show);
  return { ...fillGaps(episode, rich), show };
}

/**
 * Show metadata and episode pages are separate operations: one failing does not lose the other
 * (a warning says which); only both failing falls back to the embed data.
 */
async function enrichShow(show: Show, context: EnrichContext): Promise<Show> {
  let enriched = show;
  let metadataError: unknown;
  try {
    const details = apiShow(await query(context, 'show', { uri: show.uri }, 'podcastUnionV2'));
    enriched = fillGaps(show, { ...details, name: undefined });
  } catch (error) {
    if (error instanceof NotFoundError) throw error;
    metadataError = error;
  }
  const max = context.limits.maxEpisodes;
  if (max === 0) {
    if (metadataError !== undefined) throw metadataError;
    return enriched;
  }
  const previews = previewsOf(show.episodes);
  let episodes: PagedResult<Episode>;
  try {
    episodes = await collectPages(
      async (offset, limit) => apiShowEpisodes(await query(context, 'showEpisodes', { uri: show.uri, offset, limit }, 'podcastUnionV2'), previews),
      { max, pageSize: EPISODE_PAGE },
    );
  } catch (error) {
    if (metadataError !== undefined || error instanceof NotFoundError) throw error;
    context.warn(`Show ${show.id}: episodes from the partner API failed, keeping the embed's: ${messageOf(error)}`);
    return enriched;
  }
  if (metadataError !== undefined) context.warn(`Show ${show.id}: metadata from the partner API failed: ${messageOf(metadataError)}`);
  reportPaging(context, `show ${show.id}`, episodes);
  return { ...enriched, totalEpisodes: episodes.total, episodes: withEmbedTail(episodes.items, show.episodes, max) };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function reportPaging(context: EnrichContext, what: string, result: PagedResult<unknown>): void {
  if (result.stoppedBy !== undefined) {
    context.warn(`Paging ${what} stopped early after ${result.items.length} items: ${messageOf(result.stoppedBy)}`);
  }
  if (result.unreadable > 0) context.warn(`${what}: ${result.unreadable} items from the partner API could not be read`);
}
