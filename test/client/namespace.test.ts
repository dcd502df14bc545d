/** The `namespace` option: what a client writes to a shared store is keyed apart from other namespaces. */
import { describe, expect, it } from 'vitest';
import { AsyncSpotifyClient, InvalidInputError, type CacheStore } from '../../src/index.js';
import { fakeHash, fakeTrack, startFakeSpotify } from '../../src/testing/index.js';

describe('namespace', () => {
  it('prefixes the cache keys and healing entries; clients of other namespaces share no entry', async () => {
    await using spotify = await startFakeSpotify();
    const track = spotify.add(fakeTrack());
    spotify.webPlayer.rotate('getTrack', [fakeHash('namespace-rotation')]);
    const store = new Map<string, unknown>();
    const options = {
      dispatcher: spotify.dispatcher,
      rateLimit: false,
      retry: false,
      cache: { store: store as unknown as CacheStore },
    } as const;
    {
      await using a = new AsyncSpotifyClient({ ...options, namespace: 'tests/a' });
      expect(await a.getTrack(track.id)).toEqual(track);
    }
    const keys = [...store.keys()];
    expect(keys.length).toBeGreaterThan(1);
    for (const key of keys) expect(key).toContain('tests%2Fa');
    expect(keys.some((key) => key.includes('heal:v1'))).toBe(true);
    // Another namespace (or none) reads none of it: it fetches again.
    const before = spotify.requests.length;
    await using b = new AsyncSpotifyClient(options);
    await b.getTrack(track.id);
    expect(spotify.requests.length).toBeGreaterThan(before);
    expect([...store.keys()].some((key) => !key.includes('tests%2Fa'))).toBe(true);
    // The kit's client options carry a namespace of the fake's own.
    expect(spotify.clientOptions.namespace).toBe(`fake-spotify:${spotify.origin}`);
  });

  it('is 1-200 printable characters', () => {
    for (const bad of ['', 'a\nb', 'x'.repeat(201), 42])
      expect(() => new AsyncSpotifyClient({ namespace: bad as string })).toThrow(InvalidInputError);
  });
});
