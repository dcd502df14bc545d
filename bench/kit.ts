/**
 * The testing kit: 100 mixed calls (getters, search, discography, related artists, colours) against
 * the fake Spotify, with a client built as the README built it before (`{ dispatcher }`: the default
 * rate limit, 2 requests/s per host after a burst of 5) and with `spotify.clientOptions` (no rate
 * limit, no retry waits).
 */
import { AsyncSpotifyClient, type ClientOptions } from '../src/index.js';
import { fakeAlbum, fakeArtist, fakeTrack, startFakeSpotify, type FakeSpotify } from '../src/testing/index.js';
import { fmt, type Row } from './util.js';

async function mixedCalls(spotify: FakeSpotify, options: ClientOptions, calls: number): Promise<number> {
  const artist = spotify.add(fakeArtist({ name: 'Bench Artist' }));
  const ref = { name: artist.name, id: artist.id, uri: artist.uri };
  const album = spotify.add(fakeAlbum({ artists: [ref] }));
  const tracks = Array.from({ length: 20 }, () => spotify.add(fakeTrack({ artists: [ref] })));
  const client = new AsyncSpotifyClient(options);
  const work: Array<() => Promise<unknown>> = [
    () => client.getTrack(tracks[Math.floor(Math.random() * tracks.length)]!.id, { fresh: true }),
    () => client.getAlbum(album.id, { fresh: true }),
    () => client.getArtist(artist.id, { fresh: true }),
    () => client.search('bench', { fresh: true }),
    () => client.getArtistDiscography(artist.id, { fresh: true }),
    () => client.getRelatedArtists(artist.id, { fresh: true }),
    () => client.getColors(album, { fresh: true }),
  ];
  const start = performance.now();
  for (let index = 0; index < calls; index += 1) await (work[index % work.length] as () => Promise<unknown>)();
  const seconds = (performance.now() - start) / 1000;
  await client.close();
  return seconds;
}

export async function benchKit(): Promise<Row[]> {
  const spotify = await startFakeSpotify();
  try {
    const after = await mixedCalls(spotify, spotify.clientOptions, 100);
    const before = await mixedCalls(spotify, { dispatcher: spotify.dispatcher }, 100);
    return [
      {
        section: 'kit',
        measure:
          '100 mixed calls (getters, search, discography, related, colours) against the fake, spotify.clientOptions vs { dispatcher } alone',
        ours: `${fmt(after, 2)} s`,
        baseline: `${fmt(before, 2)} s`,
        ratio: `${fmt(after / before, 4)}×`,
        note: "the kit's client: no rate limit, no retry waits (the baseline waits on the default 2 requests/s per host)",
      },
    ];
  } finally {
    await spotify.close();
  }
}
