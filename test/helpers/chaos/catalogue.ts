import type { AnyEntity, Track } from '../../../src/index.js';
import { fakeAlbum, fakeArtist, fakeEpisode, fakePlaylist, fakeShow, fakeTrack } from '../../../src/testing/index.js';

/** A seeded generator of numbers in [0, 1): the same seed, the same soak (the fuzz tests' PRNG). */
export { prng as random } from '../../fuzz/mutations.js';

export interface CatalogueIds {
  track: string[];
  album: string[];
  artist: string[];
  playlist: string[];
  episode: string[];
  show: string[];
}

/** The chaos server's entities: made by the testing kit's factories, the same in every run. */
export function buildCatalogue(): { entities: AnyEntity[]; tracks: Track[]; ids: CatalogueIds } {
  const tracks = Array.from({ length: 40 }, (_, i) => fakeTrack({ name: `Soak track ${i}` }));
  const albums = Array.from({ length: 8 }, (_, i) => fakeAlbum({ name: `Soak album ${i}` }, 12));
  const artists = Array.from({ length: 8 }, (_, i) => fakeArtist({ name: `Soak artist ${i}` }, 10));
  const playlists = Array.from({ length: 6 }, (_, i) =>
    fakePlaylist({ name: `Soak playlist ${i}` }, i % 2 === 0 ? 230 : 40),
  );
  const shows = Array.from({ length: 4 }, (_, i) => fakeShow({ name: `Soak show ${i}` }, 60));
  const episodes = Array.from({ length: 10 }, (_, i) => fakeEpisode({ name: `Soak episode ${i}` }));
  const entities: AnyEntity[] = [...tracks, ...albums, ...artists, ...playlists, ...shows, ...episodes];
  return {
    entities,
    tracks,
    ids: {
      track: tracks.map((t) => t.id),
      album: albums.map((a) => a.id),
      artist: artists.map((a) => a.id),
      playlist: playlists.map((p) => p.id),
      episode: episodes.map((e) => e.id),
      show: shows.map((s) => s.id),
    },
  };
}
