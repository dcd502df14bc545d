import type { Account } from '../models/account.js';
import type { Canvas } from '../models/canvas.js';
import type { Credits } from '../models/credits.js';
import type { Lyrics } from '../models/lyrics.js';
import type { Transcript } from '../models/transcript.js';
import type { UserProfile } from '../models/user-profile.js';
import { entityUri } from '../models/entities.js';

/**
 * Models -> the answers Spotify gives for them (SPEC §10), in its shapes: what the fake serves so
 * that a client reads back the model a test added.
 */

/** `#RRGGBB` as the signed ARGB integer spclient writes (`-1481964`). */
export function argbInt(hex: string): number {
  return 0xff000000 | Number.parseInt(hex.slice(1), 16) | 0;
}

/** `color-lyrics/v2/track/<id>`. A preview (a free account's) carries its lines in `previewLines`. */
export function lyricsAnswer(lyrics: Lyrics): Record<string, unknown> {
  const lines = lyrics.lines.map((line) => ({
    startTimeMs: String(line.startMs ?? 0),
    words: line.text,
    syllables: [],
    endTimeMs: String(line.endMs ?? 0),
  }));
  return {
    lyrics: {
      syncType: lyrics.syncType,
      lines: lyrics.preview ? [] : lines,
      provider: lyrics.provider ?? '',
      providerLyricsId: '0',
      providerDisplayName: lyrics.providerName ?? '',
      syncLyricsUri: '',
      isDenseTypeface: false,
      alternatives: [],
      language: lyrics.language ?? '',
      isRtlLanguage: lyrics.rtl,
      capStatus: lyrics.preview ? 'CAPPED' : 'NONE',
      previewLines: lyrics.preview ? lines : [],
    },
    colors:
      lyrics.colors === null
        ? null
        : {
            background: argbInt(lyrics.colors.background),
            text: argbInt(lyrics.colors.text),
            highlightText: argbInt(lyrics.colors.highlight),
          },
    hasVocalRemoval: false,
  };
}

/** `track-credits-view/v0/experimental/<id>/credits`. */
export function spclientCreditsAnswer(credits: Credits): Record<string, unknown> {
  return {
    extendedCredits: [],
    roleCredits: credits.roles.map((group) => ({
      roleTitle: group.role,
      artists: group.artists.map((artist) => ({
        name: artist.name,
        subroles: [...artist.subroles],
        ...(artist.uri === null ? {} : { uri: artist.uri }),
        ...(artist.imageUrl === null ? {} : { imageUri: artist.imageUrl }),
        weight: 1,
      })),
    })),
    sourceNames: [...credits.sources],
    trackTitle: credits.trackName ?? '',
    trackUri: entityUri('track', credits.trackId),
  };
}

/** `trackUnion` of queryTrackCreditsGroupedModal (and queryTrackCreditsModal): one contributor per role. */
export function partnerCreditsAnswer(credits: Credits): Record<string, unknown> {
  const items = credits.roles.flatMap((group) =>
    group.artists.flatMap((artist) =>
      (artist.subroles.length > 0 ? artist.subroles : [undefined]).map((role) => ({
        name: artist.name,
        ...(role === undefined ? {} : { role }),
        roleGroup: { name: group.role },
        ...(artist.uri === null ? {} : { uri: artist.uri }),
      })),
    ),
  );
  return {
    trackUnion: {
      __typename: 'Track',
      uri: entityUri('track', credits.trackId),
      name: credits.trackName,
      creditsTrait: {
        contributors: { items, totalCount: items.length },
        sources: { items: credits.sources.map((name) => ({ name })) },
      },
    },
  };
}

/** `trackUnion` of the `canvas` operation (`canvas: null` for a track without one). */
export function canvasAnswer(trackId: string, canvas: Canvas | null): Record<string, unknown> {
  return {
    trackUnion: {
      __typename: 'Track',
      uri: entityUri('track', trackId),
      canvas:
        canvas === null
          ? null
          : { fileId: canvas.fileId ?? undefined, type: canvas.kind, uri: canvas.uri, url: canvas.url },
    },
  };
}

/** `transcript-read-along/v2/episode/<id>`. */
export function transcriptAnswer(transcript: Transcript): Record<string, unknown> {
  return {
    version: '1.0',
    transcriptUri: entityUri('transcript', transcript.episodeId),
    language: transcript.language ?? undefined,
    timeSyncedStatus: transcript.syncType ?? undefined,
    section: transcript.cues.map((cue) => {
      if (cue.kind === 'title') return { startMs: cue.startMs, title: { title: cue.text } };
      if (cue.kind === 'sentence')
        return { startMs: cue.startMs, text: { sentence: { startMs: cue.startMs, text: cue.text } } };
      return { startMs: cue.startMs, fallback: { sentence: { text: cue.text } } };
    }),
  };
}

/** `user-profile-view/v3/profile/<id>` (snake_case keys). */
export function userProfileAnswer(user: UserProfile): Record<string, unknown> {
  return {
    uri: user.uri,
    name: user.name,
    ...(user.images[0] ? { image_url: user.images[0].url } : {}),
    ...(user.followers === null ? {} : { followers_count: user.followers }),
    ...(user.following === null ? {} : { following_count: user.following }),
    ...(user.verified === null ? {} : { is_verified: user.verified }),
    public_playlists: user.playlists.map((playlist) => ({
      uri: playlist.uri,
      name: playlist.name,
      ...(playlist.images[0] ? { image_url: playlist.images[0].url } : {}),
      ...(playlist.owner ? { owner_name: playlist.owner.name } : {}),
      ...(playlist.owner?.uri ? { owner_uri: playlist.owner.uri } : {}),
    })),
    ...(user.playlistsTotal === null ? {} : { total_public_playlists_count: user.playlistsTotal }),
  };
}

/** `melody/v1/product_state`: flat hyphenated keys, string booleans. */
export function productStateAnswer(account: Account): Record<string, string> {
  const answer: Record<string, string> = { product: account.product };
  const put = (key: string, value: string | boolean | null): void => {
    if (value !== null) answer[key] = typeof value === 'boolean' ? (value ? '1' : '0') : value;
  };
  put('catalogue', account.catalogue);
  put('country', account.country);
  put('on-demand', account.onDemand);
  put('ads', account.ads);
  put('preferred-locale', account.locale);
  return answer;
}
