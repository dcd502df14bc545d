import { NotFoundError } from '../errors.js';
import type { EntityByType, EntityType } from '../models/entities.js';
import type { Album, Artist, Episode, Playlist, PlaylistItem, Show, Track } from '../models/index.js';
import type { ListLimits } from '../parse/index.js';
import { fillGaps, previewsOf, withEmbedTail } from './merge.js';
import { OPERATIONS } from './operations.js';
import { collectPages, type PagedResult } from './paging.js';
import { callOperation, type QueryContext } from './query.js';

export interface EnrichContext {
  query: QueryContext;
  limits: ListLimits;
  warn: (message: string) => void;
}

type Enricher<K extends EntityType> = (model: EntityByType[K], context: EnrichContext) => Promise<EntityByType[K]>;

/** How the partner API adds to each entity type's embed model (SPEC §3). */
const ENRICHERS = {
  track: enrichTrack,
  album: enrichAlbum,
  artist: enrichArtist,
  playlist: enrichPlaylist,
  episode: enrichEpisode,
  show: enrichShow,
} satisfies { [K in EntityType]: Enricher<K> };

/** Adds what the partner API knows to a model built from the embed page. */
export function enrich<T extends EntityType>(
  type: T,
  model: EntityByType[T],
  context: EnrichContext,
): Promise<EntityByType[T]> {
  return (ENRICHERS[type] as unknown as Enricher<T>)(model, context);
}

const ALBUM_PAGE = OPERATIONS.album.pageSize;
const PLAYLIST_PAGE = OPERATIONS.playlist.pageSize;
const EPISODE_PAGE = OPERATIONS.showEpisodes.pageSize;

async function enrichTrack(track: Track, context: EnrichContext): Promise<Track> {
  const rich = await callOperation(context.query, OPERATIONS.track, { uri: track.uri, previews: previewsOf([track]) });
  if (!rich) return track;
  const merged = fillGaps(track, rich);
  // One rule for a track's picture: its album's cover when the API names the album with one (the
  // embed of a relinked track shows the cover of the version it plays, which may differ).
  return merged.album && merged.album.images.length > 0 ? { ...merged, images: merged.album.images } : merged;
}

async function enrichAlbum(album: Album, context: EnrichContext): Promise<Album> {
  const previews = previewsOf(album.tracks);
  const page = (offset: number, limit: number) =>
    callOperation(context.query, OPERATIONS.album, { uri: album.uri, offset, limit, previews });
  const first = await page(0, ALBUM_PAGE);
  const tracks = await collectPages(async (offset, limit) => (await page(offset, limit)).page, {
    max: Infinity,
    pageSize: ALBUM_PAGE,
    cap: OPERATIONS.album.maxItems,
    first: first.page,
  });
  reportPaging(context, `album ${album.id}`, tracks);
  const { details } = first;
  return {
    ...fillGaps(album, { ...details, name: undefined, artists: undefined }),
    artists: details.artists.length > 0 ? details.artists : album.artists,
    totalTracks: tracks.total ?? album.totalTracks,
    tracks: readable(context, `album ${album.id}`, withEmbedTail(tracks.items, album.tracks, Infinity, trackKey)),
  };
}

async function enrichArtist(artist: Artist, context: EnrichContext): Promise<Artist> {
  const rich = await callOperation(context.query, OPERATIONS.artist, {
    uri: artist.uri,
    previews: previewsOf(artist.topTracks),
  });
  const topTracks = readable(
    context,
    `artist ${artist.id}`,
    withEmbedTail(rich.topTracks, [], Infinity, trackKey, artist.topTracks),
  );
  return {
    ...fillGaps(artist, { ...rich, topTracks: undefined }),
    topTracks: topTracks.length > 0 ? topTracks : artist.topTracks,
  };
}

async function enrichPlaylist(playlist: Playlist, context: EnrichContext): Promise<Playlist> {
  const previews = previewsOf(playlist.tracks.map((item) => item.track));
  const max = context.limits.maxTracks;
  const page = (offset: number, limit: number) =>
    callOperation(context.query, OPERATIONS.playlist, { uri: playlist.uri, offset, limit, previews });
  const first = await page(0, Math.min(PLAYLIST_PAGE, Math.max(1, max)));
  const items = await collectPages<PlaylistItem>(async (offset, limit) => (await page(offset, limit)).page, {
    max,
    pageSize: PLAYLIST_PAGE,
    cap: OPERATIONS.playlist.maxItems,
    first: first.page,
  });
  reportPaging(context, `playlist ${playlist.id}`, items);
  const { details } = first;
  return {
    ...fillGaps(playlist, { ...details, name: undefined, owner: undefined }),
    owner: details.owner ?? playlist.owner,
    tracks: readable(
      context,
      `playlist ${playlist.id}`,
      withEmbedTail(items.items, playlist.tracks, max, itemKey),
      (item) => item.track,
    ),
  };
}

async function enrichEpisode(episode: Episode, context: EnrichContext): Promise<Episode> {
  const rich = await callOperation(context.query, OPERATIONS.episode, {
    uri: episode.uri,
    previews: previewsOf([episode]),
  });
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
    const details = await callOperation(context.query, OPERATIONS.show, { uri: show.uri });
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
      (offset, limit) =>
        callOperation(context.query, OPERATIONS.showEpisodes, { uri: show.uri, offset, limit, previews }),
      {
        max,
        pageSize: EPISODE_PAGE,
        cap: OPERATIONS.showEpisodes.maxItems,
      },
    );
  } catch (error) {
    if (metadataError !== undefined || error instanceof NotFoundError) throw error;
    context.warn(`Show ${show.id}: episodes from the partner API failed, keeping the embed's: ${messageOf(error)}`);
    return enriched;
  }
  if (metadataError !== undefined)
    context.warn(`Show ${show.id}: metadata from the partner API failed: ${messageOf(metadataError)}`);
  reportPaging(context, `show ${show.id}`, episodes);
  return {
    ...enriched,
    totalEpisodes: episodes.total,
    episodes: readable(context, `show ${show.id}`, withEmbedTail(episodes.items, show.episodes, max, trackKey)),
  };
}

const trackKey = (item: { uri: string }): string => item.uri;
const itemKey = (item: PlaylistItem): string => item.track.uri;

/**
 * Items the API listed as playable but without a name (or a track without artists) that the embed
 * could not fill in: dropped and reported, never returned as hollow tracks.
 */
function readable<T>(
  context: EnrichContext,
  what: string,
  items: T[],
  itemOf: (item: T) => Track | Episode = (item) => item as Track | Episode,
): T[] {
  const kept = items.filter((item) => {
    const entry = itemOf(item);
    return !entry.playable || (entry.name !== '' && (entry.type !== 'track' || entry.artists.length > 0));
  });
  if (kept.length < items.length)
    context.warn(`${what}: ${items.length - kept.length} items from the partner API had no name and were dropped`);
  return kept;
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
