import type { UserRef } from '../models/common.js';
import type { Episode } from '../models/episode.js';
import type { PlaylistItem } from '../models/playlist.js';
import type { Track } from '../models/track.js';
import { entityIdFromUri, entityUrl } from '../parse/fields.js';
import { at, count, isRaw, list, str, text } from '../parse/raw.js';
import { albumRefOf, artistsOf, sourcesOf, userOf, type Previews } from './common.js';
import { apiEpisode } from './episode.js';
import { toPage, type ApiPage } from './page.js';
import { apiTrack } from './track.js';
import { entityUri } from '../models/entities.js';

/** What an album's partner API answer adds to the embed, plus one page of its tracks. */
export function apiAlbum(album: unknown, previews: Previews) {
  const ref = albumRefOf(album);
  const tracks = at(album, 'tracksV2') ?? at(album, 'tracks');
  return {
    details: {
      name: str(at(album, 'name')),
      albumType: text(at(album, 'type')) ?? null,
      artists: artistsOf(at(album, 'artists', 'items')),
      images: sourcesOf(at(album, 'coverArt')),
      releaseDate: text(at(album, 'date', 'isoString')) ?? null,
      label: text(at(album, 'label')) ?? null,
      copyrights: list(at(album, 'copyright', 'items'))
        .map((item) => text(at(item, 'text')))
        .filter((line): line is string => line !== undefined),
    },
    page: toPage(
      list(at(tracks, 'items')),
      (item) => apiTrack(at(item, 'track'), previews, ref),
      count(at(tracks, 'totalCount')),
    ),
  };
}

export function apiArtist(artist: unknown, previews: Previews) {
  const rank = count(at(artist, 'stats', 'worldRank'));
  return {
    biography: text(at(artist, 'profile', 'biography', 'text')) ?? null,
    followers: count(at(artist, 'stats', 'followers')),
    monthlyListeners: count(at(artist, 'stats', 'monthlyListeners')),
    // 0 means "not in the top 500", which is no rank at all.
    worldRank: rank === 0 ? null : rank,
    images: sourcesOf(at(artist, 'visuals', 'avatarImage')),
    topTracks: toPage(
      list(at(artist, 'discography', 'topTracks', 'items')),
      (item) => apiTrack(at(item, 'track'), previews),
      null,
    ).items,
  };
}

export function apiPlaylist(playlist: unknown, previews: Previews) {
  const content = at(playlist, 'content');
  const firstImage = list(at(playlist, 'images', 'items')).find(isRaw);
  return {
    details: {
      name: str(at(playlist, 'name')),
      description: text(at(playlist, 'description')) ?? null,
      owner: userOf(at(playlist, 'ownerV2')),
      followers: count(at(playlist, 'followers')),
      images: sourcesOf(firstImage),
      totalTracks: count(at(content, 'totalCount')),
    },
    page: toPage(
      list(at(content, 'items')),
      (item) => apiPlaylistItem(item, previews),
      count(at(content, 'totalCount')),
    ),
  };
}

function apiPlaylistItem(item: unknown, previews: Previews): PlaylistItem | undefined {
  if (!isRaw(item)) return undefined;
  const data = at(item, 'itemV2', 'data');
  const kind = str(at(data, '__typename'));
  const uri = str(at(data, 'uri')) ?? '';
  const track: Track | Episode | undefined =
    kind === 'Episode' || uri.startsWith('spotify:episode:') ? apiEpisode(data, previews) : apiTrack(data, previews);
  const addedBy: UserRef | null = userOf(at(item, 'addedBy'));
  // A row the API lists without readable data (a removed or unavailable track) is kept, unplayable;
  // a row with no track uri at all (or a local file) is unreadable and counted, never a made-up track.
  const kept =
    track ?? unavailableTrack(text(at(data, 'uri')) ?? text(at(item, 'itemV2', '_uri')) ?? text(at(item, '_uri')));
  if (kept === undefined) return undefined;
  return { track: kept, addedAt: text(at(item, 'addedAt', 'isoString')) ?? null, addedBy };
}

function unavailableTrack(uri: string | undefined): Track | undefined {
  const id = entityIdFromUri(uri, 'track');
  if (id === undefined) return undefined;
  return {
    type: 'track',
    id,
    uri: entityUri('track', id),
    url: entityUrl('track', id),
    name: '',
    durationMs: 0,
    explicit: false,
    playable: false,
    previewUrl: null,
    artists: [],
    images: [],
    releaseDate: null,
    album: null,
    trackNumber: null,
    discNumber: null,
    playCount: null,
  };
}

export function apiShow(show: unknown) {
  return {
    name: str(at(show, 'name')),
    description: text(at(show, 'description')) ?? null,
    publisher: text(at(show, 'publisher', 'name')) ?? null,
    mediaType: text(at(show, 'mediaType')) ?? null,
    images: sourcesOf(at(show, 'coverArt')),
  };
}

export function apiShowEpisodes(show: unknown, previews: Previews): ApiPage<Episode> {
  const episodes = at(show, 'episodesV2');
  return toPage(
    list(at(episodes, 'items')),
    (item) => apiEpisode(at(item, 'entity', 'data'), previews),
    count(at(episodes, 'totalCount')),
  );
}
