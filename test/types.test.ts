/** The public surface as types: what outside code compiles against. */
import { describe, expectTypeOf, it } from 'vitest';
import {
  AsyncSpotifyClient,
  parseSpotifyUrl,
  type Album,
  type ArtistSummary,
  type Colors,
  type Concert,
  type Release,
  type SearchResults,
  type EntityWithImages,
  type BatchResult,
  type ListBatchResult,
  type TrackSummary,
  type ClientOptions,
  type Episode,
  type Playlist,
  type PlaylistItem,
  type Show,
  type SpotifyScraperError,
  type Track,
} from '../src/index.js';

describe('public types', () => {
  it('getters resolve to the models', () => {
    const client = new AsyncSpotifyClient();
    expectTypeOf(client.getTrack('x')).toEqualTypeOf<Promise<Track>>();
    expectTypeOf(client.getAlbum('x')).toEqualTypeOf<Promise<Album>>();
    expectTypeOf(client.getPlaylist('x', { maxTracks: Infinity })).toEqualTypeOf<Promise<Playlist>>();
    expectTypeOf(client.getShow('x', { maxEpisodes: 3 })).toEqualTypeOf<Promise<Show>>();
    // getTracks says how each value was read (mode); its entries are still batch results of tracks.
    expectTypeOf(client.getTracks(['x'])).toEqualTypeOf<Promise<Array<ListBatchResult<Track>>>>();
    expectTypeOf(client.getTracks(['x'])).toMatchTypeOf<Promise<Array<BatchResult<Track>>>>();
    expectTypeOf(client.getTracks(['x'], { detail: 'summary' })).toEqualTypeOf<
      Promise<Array<ListBatchResult<TrackSummary>>>
    >();
    expectTypeOf(client.getTrack('x', { externalIds: true })).toEqualTypeOf<Promise<Track & { isrc: string | null }>>();
    expectTypeOf(client.downloadCover).parameter(0).toEqualTypeOf<EntityWithImages>();
    expectTypeOf(client.downloadPreview).returns.toEqualTypeOf<Promise<string>>();
    void client.close();
  });

  it('discovery methods resolve to the summary models', () => {
    const client = new AsyncSpotifyClient();
    expectTypeOf(client.search('x', { types: ['track'], limit: 5 })).toEqualTypeOf<Promise<SearchResults>>();
    expectTypeOf(client.getArtistDiscography('x', { maxReleases: Infinity })).toEqualTypeOf<Promise<Release[]>>();
    expectTypeOf(client.getRelatedArtists('x')).toEqualTypeOf<Promise<ArtistSummary[]>>();
    expectTypeOf(client.getSimilarAlbums('x', { limit: 3 })).toEqualTypeOf<Promise<Release[]>>();
    expectTypeOf(client.getArtistConcerts('x')).toEqualTypeOf<Promise<Concert[]>>();
    expectTypeOf(client.getColors).toBeCallableWith({} as Album);
    expectTypeOf(client.getColors('https://i.scdn.co/image/x')).toEqualTypeOf<Promise<Colors>>();
    expectTypeOf<SearchResults['albums'][number]>().not.toHaveProperty('tracks');
    // @ts-expect-error an unknown search type does not compile
    void client.search('x', { types: ['podcast'] });
    void client.close();
  });

  it('options take undefined for any optional field (exactOptionalPropertyTypes)', () => {
    const maybeSignal = undefined as AbortSignal | undefined;
    const maybeNumber = undefined as number | undefined;
    const maybeBoolean = undefined as boolean | undefined;
    const client = new AsyncSpotifyClient({ timeout: maybeNumber, locale: undefined, cache: maybeBoolean });
    expectTypeOf(client.search('q', { signal: maybeSignal })).toEqualTypeOf<Promise<SearchResults>>();
    expectTypeOf(client.getTrack('x', { signal: maybeSignal, fresh: maybeBoolean })).toEqualTypeOf<Promise<Track>>();
    expectTypeOf(client.getPlaylist('x', { maxTracks: maybeNumber })).toEqualTypeOf<Promise<Playlist>>();
    expectTypeOf(client.getTracks(['x'], { concurrency: maybeNumber, signal: maybeSignal })).toEqualTypeOf<
      Promise<Array<ListBatchResult<Track>>>
    >();
    void client.downloadCover({} as Album, '/tmp', { filename: undefined, size: undefined, signal: maybeSignal });
    void client.getSimilarAlbums('x', { limit: maybeNumber });
    // @ts-expect-error a misspelt option does not compile
    void client.getPlaylist('x', { maxTrack: 5 });
    void client.close();
  });

  it('models are readonly, with nullable fields rather than optional ones', () => {
    expectTypeOf<Track['previewUrl']>().toEqualTypeOf<string | null>();
    expectTypeOf<Track['album']>().toMatchTypeOf<{ readonly id: string } | null>();
    expectTypeOf<PlaylistItem['track']>().toMatchTypeOf<Track | Episode>();
    expectTypeOf<Track['artists']>().toMatchTypeOf<ReadonlyArray<{ readonly name: string }>>();
    // Compiled, never run: these lines must not type-check.
    const mutate = (track: Track, album: Album) => {
      // @ts-expect-error models cannot be mutated
      track.name = 'x';
      // @ts-expect-error nor their lists
      album.tracks.push(track);
    };
    expectTypeOf(mutate).toBeFunction();
  });

  it('batch entries discriminate on ok', () => {
    const entry = {} as BatchResult<Track>;
    if (entry.ok) expectTypeOf(entry.result).toEqualTypeOf<Track>();
    else expectTypeOf(entry.error).toEqualTypeOf<SpotifyScraperError>();
  });

  it('parseSpotifyUrl narrows with an expected type', () => {
    expectTypeOf(parseSpotifyUrl<'album'>).returns.toEqualTypeOf<{ type: 'album'; id: string }>();
    expectTypeOf(parseSpotifyUrl('spotify:track:4uLU6hMCjMI75M1A2tKUQC').type).toEqualTypeOf<
      'track' | 'album' | 'artist' | 'playlist' | 'episode' | 'show' | null
    >();
  });

  it('options accept plain objects or false', () => {
    expectTypeOf<{
      rateLimit: { perSecond: 1; burst: 1 };
      retry: false;
      partnerApi: false;
    }>().toMatchTypeOf<ClientOptions>();
  });
});
