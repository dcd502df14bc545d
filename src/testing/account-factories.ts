import type { Account, Canvas, Credits, Lyrics, Transcript, UserProfile } from '../models/index.js';
import { fakeId, fakeImages, type FakeOverrides } from './factories.js';
import { entityUri } from '../models/entities.js';

/**
 * Valid models of SPEC §10 with made-up data, for tests: added to `FakeSpotify` (`addLyrics`,
 * `addCredits`, `addCanvas`, `addTranscript`, `addUser`; `auth.account` for `fakeAccount`), each
 * comes back from the client equal to itself. Pass the track or episode id the model belongs to.
 */

const hex = (seed: string, length: number) => Buffer.from(seed).toString('hex').padEnd(length, '0').slice(0, length);

/** Line-synced lyrics of four lines, four seconds apart. */
export function fakeLyrics(overrides: FakeOverrides<Lyrics> = {}): Lyrics {
  const synced = (overrides.syncType ?? 'LINE_SYNCED') !== 'UNSYNCED';
  return {
    trackId: fakeId('Track'),
    syncType: 'LINE_SYNCED',
    lines: ['First line', 'Second line', 'Third line', 'Last line'].map((text, index) => ({
      startMs: synced ? 1_000 + index * 4_000 : null,
      endMs: null,
      text,
    })),
    provider: 'MusixMatch',
    providerName: 'Musixmatch',
    language: 'en',
    rtl: false,
    preview: false,
    colors: { background: '#E96614', text: '#000000', highlight: '#FFFFFF' },
    ...overrides,
  };
}

/** Credits in three groups: a performer, two writers, a producer. */
export function fakeCredits(overrides: FakeOverrides<Credits> = {}): Credits {
  const person = (name: string, subroles: string[]) => {
    const id = fakeId('Artist');
    return { name, id, uri: entityUri('artist', id), imageUrl: null, subroles };
  };
  return {
    trackId: fakeId('Track'),
    trackName: 'Fake Song',
    roles: [
      { role: 'Performers', artists: [person('Fake Singer', ['main artist'])] },
      {
        role: 'Writers',
        artists: [person('Fake Writer', ['composer', 'lyricist']), person('Other Writer', ['lyricist'])],
      },
      { role: 'Producers', artists: [person('Fake Producer', ['producer'])] },
    ],
    sources: ['Fake Label'],
    ...overrides,
  };
}

/** A looping video on Spotify's Canvas host. */
export function fakeCanvas(overrides: FakeOverrides<Canvas> = {}): Canvas {
  const id = overrides.id ?? fakeId('Canvas');
  return {
    trackId: fakeId('Track'),
    id,
    uri: entityUri('canvas', id),
    url: `https://canvaz.scdn.co/upload/artist/${hex(id, 22)}/video/${hex(`v${id}`, 32)}.cnvs.mp4`,
    kind: 'VIDEO_LOOPING_RANDOM',
    fileId: hex(`f${id}`, 32),
    ...overrides,
  };
}

/** A transcript: a chapter title, a speaker, two sentences and a music fallback. */
export function fakeTranscript(overrides: FakeOverrides<Transcript> = {}): Transcript {
  return {
    episodeId: fakeId('Episode'),
    language: 'en-us',
    syncType: 'SYLLABLE_SYNCED',
    cues: [
      { startMs: 0, kind: 'title', text: 'Introduction' },
      { startMs: 0, kind: 'title', text: 'Speaker 1' },
      { startMs: 500, kind: 'sentence', text: 'Welcome to the show.' },
      { startMs: 2_400, kind: 'sentence', text: 'Today we talk about tests.' },
      { startMs: 6_000, kind: 'fallback', text: '[Music]' },
    ],
    ...overrides,
  };
}

/** A user with a picture and two public playlists. */
export function fakeUser(overrides: FakeOverrides<UserProfile> = {}): UserProfile {
  const id = overrides.id ?? `fakeuser${fakeId('U').slice(-6)}`;
  const name = overrides.name ?? `Fake User ${id.slice(-4)}`;
  const owner = { name, id, uri: entityUri('user', id) };
  const playlist = (title: string) => {
    const playlistId = fakeId('Playlist');
    return {
      type: 'playlist' as const,
      id: playlistId,
      uri: entityUri('playlist', playlistId),
      url: `https://open.spotify.com/playlist/${playlistId}`,
      name: title,
      description: null,
      owner,
      images: [{ ...(fakeImages(playlistId)[0] as { url: string }), width: null, height: null }],
    };
  };
  return {
    name,
    images: [{ ...(fakeImages(id)[0] as { url: string }), width: null, height: null }],
    followers: 42,
    following: 7,
    verified: false,
    playlists: [playlist('Fake Mix'), playlist('Road Trip')],
    playlistsTotal: 2,
    ...overrides,
    type: 'user',
    id,
    uri: entityUri('user', id),
    url: `https://open.spotify.com/user/${encodeURIComponent(id)}`,
  };
}

/** A Premium account in Sweden; `fakeAccount({ product: 'free' })` for a free one (premium follows the product). */
export function fakeAccount(overrides: FakeOverrides<Account> = {}): Account {
  const product = overrides.product ?? 'premium';
  return {
    product,
    premium: product === 'premium',
    country: 'SE',
    catalogue: product === 'premium' ? 'premium' : 'free',
    onDemand: product === 'premium',
    ads: product !== 'premium',
    locale: 'en',
    ...overrides,
  };
}
