import type { Account } from '../models/account.js';
import type { Credits } from '../models/credits.js';
import type { Lyrics } from '../models/lyrics.js';
import type { PlaylistSummary } from '../models/playlist-summary.js';
import type { Transcript } from '../models/transcript.js';
import type { UserProfile } from '../models/user-profile.js';
import { entityIdFromUri } from '../parse/fields.js';
import { at, bool, count, list, str, text } from '../parse/raw.js';
import { entityUri } from '../models/entities.js';

/** spclient's answers -> models (unvalidated: the caller validates). Unknown keys are ignored. */

/** A signed ARGB integer (`-1481964`) as `#RRGGBB`. */
export function argbHex(value: unknown): string | undefined {
  if (typeof value !== 'number' || !Number.isInteger(value)) return undefined;
  return `#${((value >>> 0) & 0xffffff).toString(16).toUpperCase().padStart(6, '0')}`;
}

/** Milliseconds as spclient writes them (strings, "0" for "not given"). */
function ms(value: unknown, zeroIsNull: boolean): number | null {
  const n = count(value);
  return n === null || (zeroIsNull && n === 0) ? null : n;
}

/** `color-lyrics/v2/track/<id>` -> Lyrics. */
export function readLyrics(json: unknown, trackId: string): Lyrics {
  const lyrics = at(json, 'lyrics');
  const syncType = text(at(lyrics, 'syncType')) ?? 'UNSYNCED';
  const unsynced = syncType === 'UNSYNCED';
  const cap = str(at(lyrics, 'capStatus'));
  const preview = (cap !== undefined && cap !== '' && cap !== 'NONE') || list(at(lyrics, 'previewLines')).length > 0;
  // A free account's preview may carry its lines only in previewLines.
  const lines = list(at(lyrics, 'lines')).length > 0 ? list(at(lyrics, 'lines')) : list(at(lyrics, 'previewLines'));
  const colors = at(json, 'colors');
  const background = argbHex(at(colors, 'background'));
  const textColor = argbHex(at(colors, 'text'));
  const highlight = argbHex(at(colors, 'highlightText'));
  return {
    trackId,
    syncType,
    lines: lines.map((line) => ({
      startMs: unsynced ? null : ms(at(line, 'startTimeMs'), false),
      endMs: unsynced ? null : ms(at(line, 'endTimeMs'), true),
      text: str(at(line, 'words')) ?? '',
    })),
    provider: text(at(lyrics, 'provider')) ?? null,
    providerName: text(at(lyrics, 'providerDisplayName')) ?? null,
    language: text(at(lyrics, 'language')) ?? null,
    rtl: bool(at(lyrics, 'isRtlLanguage')) ?? false,
    preview,
    colors: background && textColor && highlight ? { background, text: textColor, highlight } : null,
  };
}

/** `track-credits-view/v0/experimental/<id>/credits` -> Credits. */
export function readSpclientCredits(json: unknown, trackId: string): Credits {
  return {
    trackId,
    trackName: text(at(json, 'trackTitle')) ?? null,
    roles: list(at(json, 'roleCredits'))
      .map((group) => ({
        role: text(at(group, 'roleTitle')) ?? '',
        artists: list(at(group, 'artists'))
          .filter((artist) => text(at(artist, 'name')) !== undefined)
          .map((artist) => {
            const id = entityIdFromUri(at(artist, 'uri'), 'artist') ?? null;
            return {
              name: text(at(artist, 'name')) as string,
              id,
              uri: id === null ? null : entityUri('artist', id),
              imageUrl: text(at(artist, 'imageUri')) ?? null,
              subroles: list(at(artist, 'subroles')).filter((role): role is string => typeof role === 'string'),
            };
          }),
      }))
      .filter((group) => group.role !== ''),
    sources: list(at(json, 'sourceNames')).filter((name): name is string => typeof name === 'string'),
  };
}

/** `transcript-read-along/v2/episode/<id>` -> Transcript. */
export function readTranscript(json: unknown, episodeId: string): Transcript {
  const cues: Transcript['cues'][number][] = [];
  for (const cue of list(at(json, 'section'))) {
    const startMs = count(at(cue, 'startMs')) ?? 0;
    const title = text(at(cue, 'title', 'title'));
    const sentence = str(at(at(cue, 'text'), 'sentence', 'text'));
    const fallback = str(at(at(cue, 'fallback'), 'sentence', 'text'));
    if (title !== undefined) cues.push({ startMs, kind: 'title', text: title });
    else if (sentence !== undefined) cues.push({ startMs, kind: 'sentence', text: sentence });
    else if (fallback !== undefined) cues.push({ startMs, kind: 'fallback', text: fallback });
  }
  return {
    episodeId,
    language: text(at(json, 'language')) ?? null,
    syncType: text(at(json, 'timeSyncedStatus')) ?? text(at(json, 'syncType')) ?? null,
    cues,
  };
}

/** `user-profile-view/v3/profile/<id>` (snake_case keys) -> UserProfile. */
export function readUserProfile(json: unknown, userId: string): UserProfile {
  const image = text(at(json, 'image_url'));
  const playlists: PlaylistSummary[] = [];
  for (const item of list(at(json, 'public_playlists'))) {
    const id = entityIdFromUri(at(item, 'uri'), 'playlist');
    const name = text(at(item, 'name'));
    if (id === undefined || name === undefined) continue;
    const ownerUri = text(at(item, 'owner_uri'));
    const ownerId = ownerUri?.startsWith('spotify:user:') ? ownerUri.slice('spotify:user:'.length) : undefined;
    const ownerName = text(at(item, 'owner_name')) ?? ownerId;
    const cover = text(at(item, 'image_url'));
    playlists.push({
      type: 'playlist',
      id,
      uri: entityUri('playlist', id),
      url: `https://open.spotify.com/playlist/${id}`,
      name,
      description: null,
      owner:
        ownerName === undefined
          ? null
          : { name: ownerName, id: ownerId ?? null, uri: ownerId === undefined ? null : entityUri('user', ownerId) },
      images: cover === undefined ? [] : [{ url: cover, width: null, height: null }],
    });
  }
  return {
    type: 'user',
    id: userId,
    uri: entityUri('user', userId),
    url: `https://open.spotify.com/user/${encodeURIComponent(userId)}`,
    name: text(at(json, 'name')) ?? userId,
    images: image === undefined ? [] : [{ url: image, width: null, height: null }],
    followers: count(at(json, 'followers_count')),
    following: count(at(json, 'following_count')),
    verified: bool(at(json, 'is_verified')) ?? null,
    playlists,
    playlistsTotal: count(at(json, 'total_public_playlists_count')),
  };
}

/** A string boolean ("1", "0", "true") as spclient writes them, or null. */
function flag(value: unknown): boolean | null {
  if (value === '1' || value === 'true' || value === true) return true;
  if (value === '0' || value === 'false' || value === false) return false;
  return null;
}

/** `melody/v1/product_state` (flat hyphenated keys, string booleans) -> Account. */
export function readAccount(json: unknown): Account {
  const product = text(at(json, 'product')) ?? '';
  return {
    product,
    premium: product === 'premium',
    country: text(at(json, 'country')) ?? null,
    catalogue: text(at(json, 'catalogue')) ?? null,
    onDemand: flag(at(json, 'on-demand')),
    ads: flag(at(json, 'ads')),
    locale: text(at(json, 'preferred-locale')) ?? text(at(json, 'selected-language')) ?? null,
  };
}
