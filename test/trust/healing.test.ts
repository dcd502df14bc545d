/**
 * Trust, round 4: healing under a hostile web player, pathfinder and shared store ("#5" is item 5).
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AsyncSpotifyClient, type ClientOptions } from '../../src/index.js';
import { Healing, ENDPOINT_FOR_MS } from '../../src/partner/healing.js';
import { OPERATIONS } from '../../src/partner/operations.js';
import { readWebPlayerPage } from '../../src/web-player/page.js';
import { fakeHash, fakeTrack, partnerAnswer, startFakeSpotify, type FakeSpotify } from '../../src/testing/index.js';

let spotify: FakeSpotify;
let warnings: string[];

beforeEach(async () => {
  spotify = await startFakeSpotify();
  warnings = [];
});

afterEach(async () => {
  await spotify.close();
});

/** A Map as a fleet's shared store, with the raw entries a test can poison. */
function mapStore(): Map<string, unknown> & {
  store: { get(k: string): unknown; set(k: string, v: unknown): void; delete(k: string): void };
} {
  const map = new Map<string, unknown>();
  return Object.assign(map, {
    store: {
      get: (key: string) => map.get(key),
      set: (key: string, value: unknown) => void map.set(key, structuredClone(value)),
      delete: (key: string) => void map.delete(key),
    },
  });
}

function client(options: ClientOptions = {}): AsyncSpotifyClient {
  return new AsyncSpotifyClient({
    dispatcher: spotify.dispatcher,
    rateLimit: false,
    retry: false,
    onWarning: (message) => warnings.push(message),
    ...options,
  });
}

const api = () => spotify.requests.filter((r) => r.host === 'api-partner.spotify.com');
/** Where healing's shared entries are: the client is routed to the fake, so in its origin's namespace. */
const key = () => `spotify-scraper:${encodeURIComponent(`origin:${spotify.origin}`)}:heal:v1:`;

describe('#5 malformed healing entries in a shared store are absent, with one warning', () => {
  const poisons: Array<[string, unknown]> = [
    ['good:track', 5],
    ['good:track', 'abc'],
    ['good:track', [null]],
    ['good:track', [{ hash: {} }]],
    [`dead:v1:track:${OPERATIONS.track.hash}`, 'tomorrow'],
    [`dead:v1:track:${OPERATIONS.track.hash}`, Date.now() + 10 * 365 * 86_400_000],
  ];
  it.each(poisons)('%s = %j: the call works, one warning', async (name, value) => {
    const shared = mapStore();
    shared.set(key() + name, { until: Date.now() + 3_600_000, value });
    const track = spotify.add(fakeTrack());
    await using c = client({ cache: { store: shared.store } });
    expect(await c.getTrack(track.id)).toEqual(track);
    expect(await c.getTrack(track.id, { fresh: true })).toEqual(track);
    expect(warnings.filter((w) => w.includes('malformed healing entry'))).toHaveLength(1);
    expect(api().every((r) => r.hash === OPERATIONS.track.hash)).toBe(true);
  });

  it('found: {hashes: [5]} and an absurd cool-down: discovery runs as if they were absent', async () => {
    const shared = mapStore();
    const until = Date.now() + 3_600_000;
    shared.set(`${key()}found:getTrack`, { until, value: { hashes: [5], source: 'x', at: Date.now() } });
    shared.set(`${key()}cooldown`, { until, value: { at: 'soon', why: 'poison' } });
    const track = spotify.add(fakeTrack());
    const fresh = fakeHash('after-poison');
    spotify.webPlayer.rotate('getTrack', [fresh]);
    await using c = client({ cache: { store: shared.store } });
    expect(await c.getTrack(track.id)).toEqual(track);
    expect(api().at(-1)?.hash).toBe(fresh);
    expect(warnings.filter((w) => w.includes('malformed healing entry'))).toHaveLength(1);
  });

  it('an entry envelope that says it lives for years is not one of ours', async () => {
    const shared = mapStore();
    shared.set(`${key()}good:track`, {
      until: Date.now() + 5 * 365 * 86_400_000,
      value: [{ hash: fakeHash('planted'), source: 'discovered in web-player.x.js' }],
    });
    const track = spotify.add(fakeTrack());
    await using c = client({ cache: { store: shared.store } });
    await c.getTrack(track.id);
    expect(api().map((r) => r.hash)).toEqual([OPERATIONS.track.hash]);
  });
});

describe("#6 a discovered hash that answers with another operation's data is a refusal of that hash", () => {
  it('the next candidate (the one that works) is tried at once', async () => {
    const track = spotify.add(fakeTrack());
    const [other, good] = [fakeHash('answers-albums'), fakeHash('answers-tracks')];
    spotify.webPlayer.rotate('getTrack', [other, good]);
    spotify.answerOperation('getTrack', (variables, { hash }) =>
      hash === other
        ? { albumUnion: { __typename: 'Album', uri: 'spotify:album:6N9PS4QXF1D0OWPk0Sxtb4', name: 'Not a track' } }
        : partnerAnswer(track, 'getTrack', {}),
    );
    await using c = client();
    const got = await c.getTrack(track.id);
    expect(got).toEqual(track);
    expect(
      api()
        .map((r) => r.hash)
        .slice(-2),
    ).toEqual([other, good]);
    expect(warnings.join('\n')).not.toMatch(/failed/);
  });
});

describe('#7 a discovered hash that answers about another entity is not kept as good', () => {
  it('it is marked dead; the one that answers about the entity asked for is what the fleet shares', async () => {
    const shared = mapStore();
    const track = spotify.add(fakeTrack());
    const elsewhere = fakeTrack();
    const [wrong, right] = [fakeHash('wrong-entity'), fakeHash('right-entity')];
    spotify.webPlayer.rotate('getTrack', [wrong, right]);
    spotify.answerOperation('getTrack', (_variables, { hash }) =>
      partnerAnswer(hash === wrong ? elsewhere : track, 'getTrack', {}),
    );
    await using c = client({ cache: { store: shared.store } });
    expect(await c.getTrack(track.id)).toEqual(track);
    const good = (shared.get(`${key()}good:track`) as { value: Array<{ hash: string }> }).value;
    expect(good.map((g) => g.hash)).toEqual([right]);
    expect(shared.has(`${key()}dead:v1:track:${wrong}`)).toBe(true);
  });
});

describe('#9 the choice of endpoint expires and falls back', () => {
  it('v1 gone -> v2; later v2 gone and v1 back: the next call goes back to v1 instead of failing', async () => {
    await using c = client();
    spotify.add(fakeTrack({ name: 'Searchable song' }));
    spotify.webPlayer.settings.v1 = 'gone';
    expect((await c.search('searchable')).tracks).toHaveLength(1);
    spotify.webPlayer.settings.v1 = 'up';
    spotify.webPlayer.settings.v2 = 'gone';
    expect((await c.search('searchable', { fresh: true })).tracks).toHaveLength(1);
    expect(api().at(-1)?.path).toBe('/pathfinder/v1/query');
  });

  it('after an hour on v2, v1 is tried first again', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const healing = new Healing({} as never, {} as never, { shared: false } as never);
      healing.useEndpoint('v2');
      expect(healing.endpoint).toBe('v2');
      vi.setSystemTime(Date.now() + ENDPOINT_FOR_MS);
      expect(healing.endpoint).toBe('v1');
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('#11 a web player page naming hundreds of bundles', () => {
  it('at most a few are read', () => {
    const scripts = Array.from(
      { length: 300 },
      (_, i) =>
        `<script src="https://open.spotifycdn.com/cdn/build/web-player/web-player.${fakeHash(`b${i}`).slice(0, 8)}.js"></script>`,
    ).join('');
    expect(readWebPlayerPage(`<html><head>${scripts}</head></html>`).bundles.length).toBeLessThanOrEqual(3);
  });
});

describe("#12 a call waiting on the fleet's discovery lock keeps the process alive", () => {
  it('the process waits for the call (which settles), instead of exiting with code 13', async () => {
    const track = spotify.add(fakeTrack());
    spotify.webPlayer.rotate('getTrack', [fakeHash('behind-the-lock')]);
    const script = join(import.meta.dirname, '..', 'helpers', 'lock-waiter.ts');
    const result = await new Promise<{ code: number | null; out: string }>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', script], {
        stdio: ['ignore', 'pipe', 'inherit'],
        env: { ...process.env, ORIGIN: spotify.origin, TRACK: track.id },
      });
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.on('exit', (code) => resolve({ code, out }));
    });
    expect(result.out.trim()).toBe('settled');
    expect(result.code).toBe(0);
  }, 30_000);
});
