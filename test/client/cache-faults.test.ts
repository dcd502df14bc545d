/**
 * The cache under faults (round 3 of the red team): aborts during a store read, degraded results,
 * entries found under the wrong key, a Map as store, an older fetch ending after a fresh one, and
 * the byte bound of the in-memory cache. Each test failed on the code before its fix.
 */
import { ResultCache, heapBytes } from '../../src/cache/result-cache.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AsyncSpotifyClient, type CacheStore, type ClientOptions, type Playlist, type Track } from '../../src/index.js';
import { embedPage, fakePlaylist, fakeTrack, partnerAnswer, FAKE_TOKEN } from '../../src/testing/index.js';
import { sendHtml, sendJson, startLoopback, type Loopback } from '../helpers/loopback.js';

/** Entities this server serves (embed pages and partner answers), and what the API does now. */
const entities = new Map<string, Track | Playlist>();
const api = { failing: false };
/** Names served per track id, one per request (the last repeats); with a delay in ms first. */
const scripted = new Map<string, Array<{ name: string; delayMs: number }>>();
let server: Loopback;

beforeAll(async () => {
  server = await startLoopback(async (request, res) => {
    if (request.host === 'api-partner.spotify.com') {
      if (api.failing) return sendJson(res, { error: 'down' }, 500);
      const variables = JSON.parse(request.url.searchParams.get('variables') ?? '{}') as {
        uri?: string;
        offset?: number;
      };
      const entity = [...entities.values()].find((e) => e.uri === variables.uri);
      const data = entity && partnerAnswer(entity, request.url.searchParams.get('operationName') ?? '', variables);
      return sendJson(res, data ? { data } : { errors: [{ message: 'NotFound' }], data: null });
    }
    const id = request.path.split('/').at(-1) as string;
    const script = scripted.get(id);
    if (script) {
      const step = script.length > 1 ? (script.shift() as { name: string; delayMs: number }) : script[0]!;
      await new Promise((resolve) => setTimeout(resolve, step.delayMs));
      return sendHtml(res, embedPage(fakeTrack({ id, name: step.name }), FAKE_TOKEN));
    }
    const entity = entities.get(id);
    if (!entity) return sendHtml(res, 'no', 404);
    sendHtml(res, embedPage(entity, FAKE_TOKEN));
  });
});

afterAll(async () => {
  await server.close();
});

function client(options: ClientOptions = {}): AsyncSpotifyClient {
  return new AsyncSpotifyClient({ dispatcher: server.dispatcher, rateLimit: false, retry: false, ...options });
}

const pageRequests = (id: string) => server.requests.filter((r) => r.path.endsWith(id)).length;

describe('an abort during a store read', () => {
  it('rejects at once, starts no fetch, and leaves no unhandled rejection', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    let readDone = false;
    let release: () => void = () => undefined;
    const store: CacheStore = {
      get: () =>
        new Promise((resolve) => {
          release = () => {
            readDone = true;
            resolve(undefined);
          };
          setTimeout(release, 150);
        }),
      set: () => true,
    };
    await using c = client({ cache: { store } });
    const id = fakeTrack().id; // not served: a fetch would fail with NotFoundError
    const controller = new AbortController();
    const call = c.getTrack(id, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('caller left')), 20);
    await expect(call).rejects.toThrow('caller left');
    expect(readDone).toBe(false); // rejected before the slow read returned
    release();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(pageRequests(id)).toBe(0);
    process.off('unhandledRejection', onUnhandled);
    expect(unhandled).toEqual([]);
  });
});

describe('a degraded result', () => {
  it('is returned with its warning but not cached: the next call gets the whole playlist', async () => {
    const playlist = fakePlaylist({}, 250);
    entities.set(playlist.id, playlist);
    const warnings: string[] = [];
    await using c = client({ cache: true, onWarning: (message) => warnings.push(message) });
    api.failing = true;
    const cut = await c.getPlaylist(playlist.id, { maxTracks: Infinity });
    api.failing = false;
    expect(cut.tracks).toHaveLength(100);
    expect(warnings.join('\n')).toMatch(/Partner API failed/);
    const whole = await c.getPlaylist(playlist.id, { maxTracks: Infinity });
    expect(whole.tracks).toHaveLength(250);
    const before = pageRequests(playlist.id);
    await c.getPlaylist(playlist.id, { maxTracks: Infinity }); // the whole one is cached
    expect(pageRequests(playlist.id)).toBe(before);
  });
});

describe('a shared store', () => {
  it('an entry found under another key is a miss, and is overwritten', async () => {
    const map = new Map<string, unknown>();
    const store: CacheStore = {
      get: (key) => map.get(key),
      set: (key, value) => void map.set(key, structuredClone(value)),
    };
    const [a, b] = [fakeTrack({ name: 'A' }), fakeTrack({ name: 'B' })];
    entities.set(a.id, a);
    entities.set(b.id, b);
    await using c = client({ cache: { store } });
    await c.getTrack(b.id);
    const keyOf = (id: string) => [...map.keys()].find((key) => key.includes(id)) ?? '';
    const keyB = keyOf(b.id);
    map.set(keyB.replace(b.id, a.id), map.get(keyB)); // B's entry, written under A's key
    expect((await c.getTrack(a.id)).name).toBe('A');
    expect((map.get(keyOf(a.id)) as { value: Track }).value.name).toBe('A');
  });

  it('a Map as store: mutating a result never changes what the store holds', async () => {
    const map = new Map<string, unknown>();
    const track = fakeTrack({ name: 'Kept' });
    entities.set(track.id, track);
    await using c = client({ cache: { store: map as unknown as CacheStore } });
    const first = (await c.getTrack(track.id)) as { name: string };
    first.name = 'changed by the caller';
    const second = (await c.getTrack(track.id)) as { name: string };
    expect(second.name).toBe('Kept');
    second.name = 'changed again';
    expect((await c.getTrack(track.id)).name).toBe('Kept');
  });
});

describe('a fresh call', () => {
  it('is not overwritten by an older fetch that ends later', async () => {
    const id = fakeTrack().id;
    // The first request (the plain call) is slow and answers "old"; the fresh one is fast, "new".
    scripted.set(id, [
      { name: 'old', delayMs: 300 },
      { name: 'new', delayMs: 0 },
    ]);
    await using c = client({ cache: true, partnerApi: false });
    const plain = c.getTrack(id);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await c.getTrack(id, { fresh: true })).name).toBe('new');
    expect((await plain).name).toBe('old');
    expect((await c.getTrack(id)).name).toBe('new'); // a hit: the fresh result
    expect(pageRequests(id)).toBe(2);
  });
});

describe('the in-memory cache', () => {
  it('is bounded in bytes as well as entries', async () => {
    const tracks = Array.from({ length: 3 }, () => fakeTrack());
    for (const track of tracks) entities.set(track.id, track);
    await using probe = client({ partnerApi: false });
    // What one entry costs as maxBytes counts it (its JSON, its key, the entry's overhead).
    const size = heapBytes(JSON.stringify(await probe.getTrack(tracks[0]!.id)), 'x'.repeat(80));
    await using c = client({ cache: { maxBytes: Math.floor(size * 2.5) }, partnerApi: false });
    for (const track of tracks) await c.getTrack(track.id);
    const before = tracks.map((track) => pageRequests(track.id));
    for (const track of [...tracks].reverse()) await c.getTrack(track.id);
    const after = tracks.map((track) => pageRequests(track.id));
    // The last two fit; the first was evicted by bytes, with room for 1,000 entries.
    expect(after.map((n, i) => n - (before[i] as number))).toEqual([1, 0, 0]);
  });

  it('counts a result with characters past Latin-1 at two bytes a character, as the heap holds it', async () => {
    const cache = new ResultCache(
      { ttlMs: 60_000, maxEntries: 1_000, maxBytes: 1_000_000, store: undefined },
      Date.now,
      () => {},
    );
    const latin = { name: 'a'.repeat(99_000) };
    const wide = { name: `曲${'a'.repeat(98_999)}` };
    for (let i = 0; i < 10; i += 1) await cache.set(`latin-${i}`, latin);
    const keptLatin = Array.from({ length: 10 }, (_, i) => cache.getInMemory(`latin-${i}`)).filter(Boolean).length;
    cache.clear();
    for (let i = 0; i < 10; i += 1) await cache.set(`wide-${i}`, wide);
    const keptWide = Array.from({ length: 10 }, (_, i) => cache.getInMemory(`wide-${i}`)).filter(Boolean).length;
    expect(keptLatin).toBe(10);
    expect(keptWide).toBe(5);
  });
});
