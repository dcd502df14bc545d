import type {
  Album,
  Artist,
  ArtistRef,
  Episode,
  Image,
  Playlist,
  PlaylistItem,
  Show,
  ShowRef,
  Track,
  UserRef,
} from '../models/index.js';
import { entityUri, entityUrl, type EntityType } from '../models/entities.js';

/**
 * Valid models with made-up data, for tests: `fakeTrack({ name: 'Song' })`. Ids are 22 characters,
 * unique within a process and the same from run to run. A fake is shaped the way the client returns
 * what Spotify serves (an album's tracks name the album, a top track its album, …), so a fake added to
 * `FakeSpotify` comes back from the client equal to itself.
 */

let counter = 0;

/** A fresh 22-character id: `prefix` (letters and digits) then a counter. */
export function fakeId(prefix = 'Fake'): string {
  counter += 1;
  const clean = prefix.replace(/[^0-9A-Za-z]/g, '').slice(0, 12) || 'Fake';
  return `${clean}${String(counter).padStart(22 - clean.length, '0')}`;
}

const hex = (id: string, salt: string) => Buffer.from(`${salt}${id}`).toString('hex').padEnd(40, '0').slice(0, 40);

/** Three sizes of a cover on Spotify's image host. */
export function fakeImages(seed: string): Image[] {
  return [
    { url: `https://i.scdn.co/image/${hex(seed, 'l')}`, width: 640, height: 640 },
    { url: `https://i.scdn.co/image/${hex(seed, 'm')}`, width: 300, height: 300 },
    { url: `https://i.scdn.co/image/${hex(seed, 's')}`, width: 64, height: 64 },
  ];
}

function identity<T extends EntityType>(type: T, id: string) {
  return { type, id, uri: entityUri(type, id), url: entityUrl(type, id) };
}

export function fakeArtistRef(name = 'Fake Artist', id = fakeId('Artist')): ArtistRef {
  return { name, id, uri: entityUri('artist', id) };
}

/** The fields a fake factory lets a test choose; the rest are made up. */
export type FakeOverrides<T> = Partial<{ -readonly [K in keyof T]: T[K] }>;

/** A track on an album of its own. */
export function fakeTrack(overrides: FakeOverrides<Track> = {}): Track {
  const id = overrides.id ?? fakeId('Track');
  const albumId = fakeId('Album');
  const album =
    overrides.album === undefined
      ? { id: albumId, uri: entityUri('album', albumId), name: `Album of ${id}`, images: fakeImages(albumId) }
      : overrides.album;
  return {
    name: `Track ${id.slice(-4)}`,
    durationMs: 180_000,
    explicit: false,
    playable: true,
    previewUrl: `https://p.scdn.co/mp3-preview/${hex(id, 'p')}`,
    artists: [fakeArtistRef()],
    images: album?.images ?? fakeImages(id),
    releaseDate: '2020-01-01T00:00:00Z',
    album,
    trackNumber: 1,
    discNumber: 1,
    playCount: 1_000,
    ...overrides,
    ...identity('track', id),
  };
}

/** An album with `trackCount` tracks (default 3), each naming the album. */
export function fakeAlbum(overrides: FakeOverrides<Album> = {}, trackCount = 3): Album {
  const id = overrides.id ?? fakeId('Album');
  const name = overrides.name ?? `Album ${id.slice(-4)}`;
  const images = overrides.images ?? fakeImages(id);
  const artists = overrides.artists ?? [fakeArtistRef()];
  const ref = { id, uri: entityUri('album', id), name, images };
  const tracks =
    overrides.tracks ??
    Array.from({ length: trackCount }, (_, index) =>
      fakeTrack({
        album: ref,
        images,
        artists,
        releaseDate: null,
        trackNumber: index + 1,
        discNumber: 1,
        playCount: 1_000 + index,
      }),
    );
  return {
    name,
    albumType: 'ALBUM',
    artists,
    images,
    releaseDate: '2020-01-01T00:00:00Z',
    label: 'Fake Records',
    totalTracks: tracks.length,
    tracks,
    copyrights: ['(C) 2020 Fake Records', '(P) 2020 Fake Records'],
    ...overrides,
    ...identity('album', id),
  };
}

/** An artist with `topTrackCount` top tracks (default 3). */
export function fakeArtist(overrides: FakeOverrides<Artist> = {}, topTrackCount = 3): Artist {
  const id = overrides.id ?? fakeId('Artist');
  const name = overrides.name ?? `Artist ${id.slice(-4)}`;
  const self = { name, id, uri: entityUri('artist', id) };
  return {
    name,
    images: fakeImages(id),
    biography: 'A fake artist, for tests.',
    followers: 12_345,
    monthlyListeners: 67_890,
    worldRank: null,
    topTracks: Array.from({ length: topTrackCount }, (_, index) =>
      fakeTrack({ artists: [self], trackNumber: null, discNumber: null, playCount: 10_000 - index }),
    ),
    ...overrides,
    ...identity('artist', id),
  };
}

/** A show's reference as its episodes name it. */
function showRef(show: { id: string; name: string; publisher: string | null; images: readonly Image[] }): ShowRef {
  return {
    id: show.id,
    uri: entityUri('show', show.id),
    name: show.name,
    publisher: show.publisher,
    images: show.images,
  };
}

/** An episode of a show of its own. */
export function fakeEpisode(overrides: FakeOverrides<Episode> = {}): Episode {
  const id = overrides.id ?? fakeId('Episode');
  const showId = fakeId('Show');
  return {
    name: `Episode ${id.slice(-4)}`,
    description: 'A fake episode, for tests.',
    durationMs: 3_600_000,
    explicit: false,
    playable: true,
    releaseDate: '2026-01-01T00:00:00Z',
    images: fakeImages(id),
    previewUrl: `https://podz-content.spotifycdn.com/audio/clips/${hex(id, 'c')}/clip.mp3`,
    hasVideo: false,
    show: showRef({
      id: showId,
      name: `Show ${showId.slice(-4)}`,
      publisher: 'Fake Media',
      images: fakeImages(showId),
    }),
    ...overrides,
    ...identity('episode', id),
  };
}

/** A show with `episodeCount` episodes (default 3), newest first. */
export function fakeShow(overrides: FakeOverrides<Show> = {}, episodeCount = 3): Show {
  const id = overrides.id ?? fakeId('Show');
  const name = overrides.name ?? `Show ${id.slice(-4)}`;
  const publisher = overrides.publisher ?? 'Fake Media';
  const images = overrides.images ?? fakeImages(id);
  const episodes =
    overrides.episodes ??
    Array.from({ length: episodeCount }, () => fakeEpisode({ show: showRef({ id, name, publisher, images }) }));
  return {
    name,
    description: 'A fake show, for tests.',
    publisher,
    mediaType: 'AUDIO',
    images,
    totalEpisodes: episodes.length,
    episodes,
    ...overrides,
    ...identity('show', id),
  };
}

/** A playlist of `trackCount` tracks (default 3). */
export function fakePlaylist(overrides: FakeOverrides<Playlist> = {}, trackCount = 3): Playlist {
  const id = overrides.id ?? fakeId('Playlist');
  const owner: UserRef = overrides.owner ?? {
    name: 'Fake Curator',
    id: 'fakecurator',
    uri: 'spotify:user:fakecurator',
  };
  const tracks: PlaylistItem[] = [
    ...(overrides.tracks ??
      Array.from({ length: trackCount }, (_, index) => ({
        track: fakeTrack({ trackNumber: null, discNumber: null }),
        addedAt: `2026-01-0${(index % 9) + 1}T00:00:00Z`,
        addedBy: owner,
      }))),
  ];
  return {
    name: `Playlist ${id.slice(-4)}`,
    description: 'A fake playlist, for tests.',
    owner,
    followers: 42,
    images: fakeImages(id).slice(0, 1),
    totalTracks: tracks.length,
    tracks,
    ...overrides,
    ...identity('playlist', id),
  };
}
