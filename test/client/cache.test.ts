/** The opt-in cache and single flight (SPEC §7), over the testing kit's fake Spotify. */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  AsyncSpotifyClient,
  ClientClosedError,
  InvalidInputError,
  NotFoundError,
  type CacheStore,
  type ClientOptions,
} from '../../src/index.js';
import { abortableDelay } from '../../src/http/clock.js';
import { CACHE_SCHEMA_VERSION, STORE_PAUSE_MS } from '../../src/cache/result-cache.js';
import { embedPage, fakePlaylist, fakeTrack, startFakeSpotify, type FakeSpotify } from '../../src/testing/index.js';
import { searchAnswer } from '../helpers/discovery.js';
import { sendHtml, sendJson, startLoopback } from '../helpers/loopback.js';

let spotify: FakeSpotify;
let now = 1_800_000_000_000;
let warnings: string[];

beforeAll(async () => {
  spotify = await startFakeSpotify();
});

afterAll(async () => {
  await spotify.close();
});

beforeEach(() => {
  warnings = [];
});

function client(options: ClientOptions = {}): AsyncSpotifyClient {
  return new AsyncSpotifyClient({
    dispatcher: spotify.dispatcher,
    rateLimit: false,
    retry: false,
    clock: { now: () => now, sleep: abortableDelay },
    onWarning: (message) => warnings.push(message),
    ...options,
  });
}

/** Embed page requests for `id` since `start`. */
const pagesOf = (id: string, start: number) => spotify.requests.slice(start).filter((r) => r.path.endsWith(id)).length;

/** A Keyv-like store over a Map, that can be told to fail or hang. */
function mapStore(mode: { fail?: boolean; hang?: boolean; ignoreTtl?: boolean } = {}) {
  const map = new Map<string, unknown>();
  const calls: string[] = [];
  const store: CacheStore & { map: Map<string, unknown>; calls: string[]; mode: typeof mode } = {
    map,
    calls,
    mode,
    get(key: string) {
      calls.push('get');
      if (mode.fail) return Promise.reject(new Error('connection refused'));
      if (mode.hang) return new Promise(() => undefined);
      return Promise.resolve(map.get(key));
    },
    set(key: string, value: unknown) {
      calls.push('set');
      if (mode.fail) throw new Error('connection refused');
      if (mode.hang) return new Promise(() => undefined);
      map.set(key, structuredClone(value));
      return Promise.resolve(true);
    },
    delete(key: string) {
      return map.delete(key);
    },
  };
  return store;
}

describe('in memory', () => {
  it('a second call is a hit: no request, an equal copy the caller may mutate', async () => {
    const track = spotify.add(fakeTrack());
    await using c = client({ cache: true });
    const start = spotify.requests.length;
    const first = await c.getTrack(track.id);
    const second = await c.getTrack(`spotify:track:${track.id}`);
    expect(spotify.requests.length - start).toBe(2); // one embed page + one partner API call
    expect(second).toEqual(first);
    (second as { name: string }).name = 'mutated';
    expect((await c.getTrack(track.id)).name).toBe(track.name);
  });

  it('the key holds the options that change the result; an omitted option and its default share one', async () => {
    const playlist = spotify.add(fakePlaylist({}, 130));
    await using c = client({ cache: true });
    const start = spotify.requests.length;
    await c.getPlaylist(playlist.id);
    await c.getPlaylist(playlist.id, { maxTracks: 100 });
    expect(pagesOf(playlist.id, start)).toBe(1);
    expect((await c.getPlaylist(playlist.id, { maxTracks: Infinity })).tracks).toHaveLength(130);
    expect((await c.getPlaylist(playlist.id, { maxTracks: 5 })).tracks).toHaveLength(5);
    expect(pagesOf(playlist.id, start)).toBe(3); // a result for fewer items never answers a call for more
  });

  it('entries expire after ttlMs (on the client clock); fresh: true refetches and refreshes', async () => {
    const track = spotify.add(fakeTrack());
    await using c = client({ cache: { ttlMs: 60_000 } });
    const start = spotify.requests.length;
    await c.getTrack(track.id);
    now += 59_000;
    await c.getTrack(track.id);
    expect(pagesOf(track.id, start)).toBe(1);
    now += 2_000;
    await c.getTrack(track.id);
    expect(pagesOf(track.id, start)).toBe(2);
    await c.getTrack(track.id, { fresh: true });
    expect(pagesOf(track.id, start)).toBe(3);
    await c.getTrack(track.id);
    expect(pagesOf(track.id, start)).toBe(3);
  });

  it('keeps at most maxEntries (least recently used go first)', async () => {
    const [a, b, c3] = [fakeTrack(), fakeTrack(), fakeTrack()].map((track) => spotify.add(track));
    await using c = client({ cache: { maxEntries: 2 } });
    const start = spotify.requests.length;
    for (const track of [a, b, c3, a]) await c.getTrack(track!.id);
    expect(pagesOf(a!.id, start)).toBe(2);
  });

  it('never caches errors', async () => {
    await using c = client({ cache: true });
    const missing = fakeTrack().id;
    const start = spotify.requests.length;
    await expect(c.getTrack(missing)).rejects.toBeInstanceOf(NotFoundError);
    await expect(c.getTrack(missing)).rejects.toBeInstanceOf(NotFoundError);
    expect(pagesOf(missing, start)).toBe(2);
  });

  it('a closed client rejects every call, hits included', async () => {
    const track = spotify.add(fakeTrack());
    const c = client({ cache: true });
    await c.getTrack(track.id);
    await c.close();
    await expect(c.getTrack(track.id)).rejects.toBeInstanceOf(ClientClosedError);
  });
});

describe('single flight', () => {
  it('concurrent identical calls share one fetch, with or without a cache', async () => {
    for (const cache of [false, true]) {
      const track = spotify.add(fakeTrack());
      await using c = client({ cache });
      const start = spotify.requests.length;
      const results = await Promise.all(Array.from({ length: 10 }, () => c.getTrack(track.id)));
      expect(pagesOf(track.id, start)).toBe(1);
      expect(results.every((result) => result.id === track.id)).toBe(true);
      expect(new Set(results).size).toBe(10); // each caller has its own object
    }
  });

  it("one caller's abort does not abort the fetch for the others; fresh: true starts its own", async () => {
    const track = spotify.add(fakeTrack());
    await using c = client();
    const controller = new AbortController();
    const start = spotify.requests.length;
    const aborted = c.getTrack(track.id, { signal: controller.signal });
    const kept = c.getTrack(track.id);
    const own = c.getTrack(track.id, { fresh: true });
    controller.abort(new Error('this caller gave up'));
    await expect(aborted).rejects.toThrow('this caller gave up');
    await expect(kept).resolves.toMatchObject({ id: track.id });
    await expect(own).resolves.toMatchObject({ id: track.id });
    expect(pagesOf(track.id, start)).toBe(2);
  });
});

describe('a shared store', () => {
  it('stores entries with their own expiry (wall time) and version; a store that ignores the ttl still expires them', async () => {
    const store = mapStore({ ignoreTtl: true });
    const track = spotify.add(fakeTrack());
    await using c = client({ cache: { store, ttlMs: 1_000 } });
    const start = spotify.requests.length;
    const before = Date.now();
    await c.getTrack(track.id);
    const [key, entry] = [...store.map.entries()][0] as [string, { v: number; key: string; expiresAt: number }];
    // The client is routed to the fake (routeTo): its keys are in that origin's namespace.
    const namespace = encodeURIComponent(`origin:${spotify.origin}`).replace(/[.]/g, '\\.');
    expect(key).toMatch(
      new RegExp(`^spotify-scraper:v${CACHE_SCHEMA_VERSION}:${namespace}:-:api:track:${track.id}:null$`),
    );
    // Shared by processes, so the wall clock decides, not the client's injected one.
    expect(entry).toMatchObject({ v: CACHE_SCHEMA_VERSION, key });
    expect(entry.expiresAt).toBeGreaterThanOrEqual(before + 1_000);
    expect(entry.expiresAt).toBeLessThanOrEqual(Date.now() + 1_000);
    now += 5_000; // the injected clock moving does not expire it
    expect(await c.getTrack(track.id)).toEqual(track);
    expect(pagesOf(track.id, start)).toBe(1);
    const wall = vi.spyOn(Date, 'now').mockReturnValue(entry.expiresAt);
    try {
      await c.getTrack(track.id);
    } finally {
      wall.mockRestore();
    }
    expect(pagesOf(track.id, start)).toBe(2);
  });

  it('a foreign, older or corrupt entry is a miss and is overwritten', async () => {
    const store = mapStore();
    const track = spotify.add(fakeTrack());
    await using c = client({ cache: { store } });
    await c.getTrack(track.id);
    const key = [...store.map.keys()][0] as string;
    for (const bad of [
      'not an entry',
      { v: CACHE_SCHEMA_VERSION - 1, expiresAt: null, value: track },
      { v: CACHE_SCHEMA_VERSION, expiresAt: null, value: { ...track, id: '' } },
    ]) {
      store.map.set(key, bad);
      const start = spotify.requests.length;
      expect(await c.getTrack(track.id)).toEqual(track);
      expect(pagesOf(track.id, start)).toBe(1);
      expect(store.map.get(key)).toMatchObject({ v: CACHE_SCHEMA_VERSION, value: { id: track.id } });
    }
  });

  it('clients with another locale or partner API setting do not share entries', async () => {
    const store = mapStore();
    const track = spotify.add(fakeTrack());
    await using a = client({ cache: { store } });
    await using b = client({ cache: { store }, locale: 'de-DE' });
    await using e = client({ cache: { store }, partnerApi: false });
    await a.getTrack(track.id);
    await b.getTrack(track.id);
    await e.getTrack(track.id);
    expect(store.map.size).toBe(3);
  });

  it('a store that fails never fails a call, and says so once per outage', async () => {
    const store = mapStore({ fail: true });
    const tracks = [fakeTrack(), fakeTrack(), fakeTrack()].map((track) => spotify.add(track));
    await using c = client({ cache: { store } });
    for (const track of tracks) await expect(c.getTrack(track.id)).resolves.toMatchObject({ id: track.id });
    expect(warnings.filter((w) => w.includes('cache store'))).toHaveLength(1);
    expect(warnings[0]).toMatch(/failed to read \("connection refused"\).*go to the network/);
    // Skipped while paused, tried again after, and a new outage is reported again.
    const calls = store.calls.length;
    await c.getTrack(tracks[0]!.id);
    expect(store.calls.length).toBe(calls);
    now += STORE_PAUSE_MS;
    store.mode.fail = false;
    await c.getTrack(tracks[0]!.id);
    expect(store.calls.length).toBeGreaterThan(calls);
    store.mode.fail = true;
    now += STORE_PAUSE_MS;
    await c.getTrack(tracks[1]!.id);
    expect(warnings.filter((w) => w.includes('cache store'))).toHaveLength(2);
  });

  it('a store that does not answer is given up after a short bound', async () => {
    const store = mapStore({ hang: true });
    const track = spotify.add(fakeTrack());
    await using c = client({ cache: { store } });
    const started = performance.now();
    await expect(c.getTrack(track.id)).resolves.toMatchObject({ id: track.id });
    expect(performance.now() - started).toBeLessThan(3_000); // a hang detector: the bound is 250 ms
    expect(warnings.join('\n')).toMatch(/no answer within 250 ms/);
  });
});

describe('discovery calls are cached too', () => {
  it('one API request for two identical searches (the query normalised, types in any order)', async () => {
    const bootstrap = fakeTrack({ id: '4uLU6hMCjMI75M1A2tKUQC' });
    let searches = 0;
    const server = await startLoopback((request, res) => {
      if (request.host !== 'api-partner.spotify.com') return sendHtml(res, embedPage(bootstrap));
      searches += 1;
      return sendJson(res, searchAnswer(JSON.parse(request.url.searchParams.get('variables') ?? '{}').searchTerm, 2));
    });
    try {
      await using c = new AsyncSpotifyClient({
        dispatcher: server.dispatcher,
        rateLimit: false,
        retry: false,
        cache: true,
      });
      const first = await c.search(' daft  punk ', { types: ['artist', 'track'] });
      const second = await c.search('daft punk', { types: ['track', 'artist'] });
      expect(second).toEqual(first);
      expect(searches).toBe(1);
      await c.search('daft punk', { types: ['track', 'artist'], limit: 5 });
      expect(searches).toBe(2);
    } finally {
      await server.close();
    }
  });
});

describe('options', () => {
  it.each<[string, NonNullable<ClientOptions['cache']>]>([
    ['a string', 'yes' as never],
    ['ttlMs 0', { ttlMs: 0 }],
    ['a fractional ttlMs', { ttlMs: 1.5 }],
    ['maxEntries 0', { maxEntries: 0 }],
    ['a store without set', { store: { get: () => undefined } as never }],
    ['maxEntries with a store', { store: mapStore(), maxEntries: 10 }],
    ['an unknown field', { ttl: 5 } as never],
  ])('%s is an InvalidInputError at construction', (_name, cache) => {
    expect(() => new AsyncSpotifyClient({ cache })).toThrow(InvalidInputError);
  });

  it('ttlMs Infinity is allowed; a misspelt client option is refused', () => {
    expect(() => new AsyncSpotifyClient({ cache: { ttlMs: Infinity } })).not.toThrow();
    expect(() => new AsyncSpotifyClient({ rateLimt: false } as never)).toThrow(/Unknown client option "rateLimt"/);
  });

  it('fresh must be a boolean', async () => {
    await using c = client({ cache: true });
    await expect(c.getTrack(fakeTrack().id, { fresh: 'yes' as never })).rejects.toBeInstanceOf(InvalidInputError);
  });
});
