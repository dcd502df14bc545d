/**
 * Surviving Spotify's changes (SPEC §9) against the testing kit's fake web player: alternates,
 * discovery from the bundle and its route chunks, dead marks, v2 and its client token.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AsyncSpotifyClient, ParseError, type ClientOptions } from '../../src/index.js';
import { OPERATIONS } from '../../src/partner/operations.js';
import { fakeHash, fakePlaylist, fakeTrack, startFakeSpotify, type FakeSpotify } from '../../src/testing/index.js';

let spotify: FakeSpotify;
let warnings: string[];

beforeEach(async () => {
  spotify = await startFakeSpotify();
  warnings = [];
});

afterEach(async () => {
  await spotify.close();
});

function client(options: ClientOptions = {}): AsyncSpotifyClient {
  return new AsyncSpotifyClient({
    dispatcher: spotify.dispatcher,
    rateLimit: false,
    retry: false,
    onWarning: (message) => warnings.push(message),
    ...options,
  });
}

const api = (start: number) => spotify.requests.slice(start).filter((r) => r.host === 'api-partner.spotify.com');
const of = (start: number, host: string) => spotify.requests.slice(start).filter((r) => r.host === host);

describe('a rotated hash', () => {
  it('healed by a built-in alternate: one extra request, and the next call skips the dead hash', async () => {
    const playlist = spotify.add(fakePlaylist({}, 150));
    const [builtIn, alternate] = [OPERATIONS.playlist.hash, OPERATIONS.playlist.alternates[0]];
    spotify.webPlayer.rotate('fetchPlaylist', [alternate]);
    await using c = client();
    let start = spotify.requests.length;
    expect((await c.getPlaylist(playlist.id, { maxTracks: Infinity })).tracks).toHaveLength(150);
    expect(api(start).map((r) => r.hash)).toEqual([builtIn, alternate, alternate]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /fetchPlaylist: hash a65e1219… \(built-in, v1\) refused; 8964e8ea… \(built-in alternate\) answers/,
    );
    start = spotify.requests.length;
    await c.getPlaylist(playlist.id, { fresh: true });
    expect(api(start).map((r) => r.hash)).toEqual([alternate]);
    expect(warnings).toHaveLength(1);
  });

  it('healed by discovery: the page with a desktop UA, the bundle, decoys skipped; the next call pays nothing', async () => {
    const track = spotify.add(fakeTrack());
    const fresh = fakeHash('getTrack-2026-12');
    spotify.webPlayer.rotate('getTrack', [fresh]);
    await using c = client({ userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148' });
    const start = spotify.requests.length;
    expect(await c.getTrack(track.id)).toEqual(track);
    const page = of(start, 'open.spotify.com').find((r) => r.path === '/');
    expect(page?.headers['user-agent']).toMatch(/Windows NT 10\.0/); // desktop, whatever the client's own
    expect(of(start, 'open.spotifycdn.com').map((r) => r.path.split('/').at(-1))).toEqual([
      spotify.webPlayer.bundleFile,
    ]);
    expect(api(start).map((r) => r.hash)).toEqual([
      ...OPERATIONS.track.alternates.slice(0, 0),
      OPERATIONS.track.hash,
      OPERATIONS.track.alternates[0],
      fresh,
    ]);
    expect(warnings.join('\n')).toMatch(
      new RegExp(
        `getTrack: .* refused; ${fresh.slice(0, 8)}… \\(discovered in ${spotify.webPlayer.bundleFile}\\) answers`,
      ),
    );
    const again = spotify.requests.length;
    await c.getTrack(track.id, { fresh: true });
    expect(api(again).map((r) => r.hash)).toEqual([fresh]);
    expect(of(again, 'open.spotifycdn.com')).toEqual([]);
  });

  it('an operation only in a route chunk, through the JS chunk map (not the CSS map), in a build with the maps in the other order', async () => {
    const fresh = fakeHash('search-route');
    spotify.webPlayer.settings.mapsReversed = true;
    spotify.webPlayer.rotate('searchDesktop', [fresh], { chunk: 'xpui-routes-search' });
    await using c = client();
    const start = spotify.requests.length;
    // The fake answers searches for nothing it serves with NotFound; healing is what this checks.
    await c.search('daft punk').catch(() => undefined);
    const files = of(start, 'open.spotifycdn.com').map((r) => r.path.split('/').at(-1));
    expect(files[0]).toBe(spotify.webPlayer.bundleFile);
    expect(files[1]).toMatch(/^xpui-routes-search\.[0-9a-f]{8}\.js$/);
    expect(files).toHaveLength(2);
    expect(api(start).at(-1)?.hash).toBe(fresh);
  });

  it('an A/B build defining two hashes for one name: both are candidates, the one that answers is kept', async () => {
    const track = spotify.add(fakeTrack());
    const [a, b] = [fakeHash('ab-a'), fakeHash('ab-b')];
    spotify.webPlayer.define('getTrack', [a, b]);
    spotify.webPlayer.accept('getTrack', b);
    spotify.webPlayer.refuse('getTrack', OPERATIONS.track.hash);
    await using c = client();
    expect(await c.getTrack(track.id)).toEqual(track);
    const start = spotify.requests.length;
    await c.getTrack(track.id, { fresh: true });
    expect(api(start).map((r) => r.hash)).toEqual([b]);
  });

  it('50 parallel calls refused at once: one discovery', async () => {
    const tracks = Array.from({ length: 50 }, () => spotify.add(fakeTrack()));
    spotify.webPlayer.rotate('getTrack', [fakeHash('fifty')]);
    await using c = client();
    const start = spotify.requests.length;
    await Promise.all(tracks.map((t) => c.getTrack(t.id)));
    expect(of(start, 'open.spotify.com').filter((r) => r.path === '/')).toHaveLength(1);
    expect(of(start, 'open.spotifycdn.com')).toHaveLength(1);
  });

  it.each(['missing', 'hang'] as const)(
    'a bundle that is %s: a typed error naming the way out, and the cool-down respected',
    async (bundle) => {
      const track = spotify.add(fakeTrack());
      spotify.webPlayer.rotate('getTrack', [fakeHash('unreachable')]);
      spotify.webPlayer.rotate('searchDesktop', [fakeHash('unreachable-search')]);
      spotify.webPlayer.settings.bundle = bundle;
      await using c = client({ partnerApi: true, timeout: 300 });
      // A getter still returns the embed data, and says why.
      expect((await c.getTrack(track.id)).id).toBe(track.id);
      expect(warnings.join('\n')).toMatch(
        /getTrack failed: every hash and endpoint tried was refused .*Discovery from the web player failed.*doctor.*operations\.track/s,
      );
      const start = spotify.requests.length;
      await c.getTrack(track.id, { fresh: true });
      // Within the hour: no second discovery, and the dead hashes are not asked again.
      expect(of(start, 'open.spotifycdn.com')).toEqual([]);
      expect(of(start, 'open.spotify.com').filter((r) => r.path === '/')).toEqual([]);
      expect(api(start)).toEqual([]);
      // Another operation refused within the hour: no discovery either, a typed error saying so.
      const error = await c.search('x').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ParseError);
      expect((error as Error).message).toMatch(
        /searchDesktop failed: .*Discovery from the web player failed \d+ min ago.*next attempt is in \d+ min/,
      );
      expect(of(start, 'open.spotifycdn.com')).toEqual([]);
    },
  );

  it('a poisoned hash (refused after discovery found it) is never kept', async () => {
    const track = spotify.add(fakeTrack());
    const poisoned = fakeHash('poisoned');
    spotify.webPlayer.define('getTrack', [poisoned]); // in the bundle, but the pathfinder refuses it
    spotify.webPlayer.refuse('getTrack', OPERATIONS.track.hash);
    await using c = client();
    expect((await c.getTrack(track.id)).id).toBe(track.id); // embed data
    const start = spotify.requests.length;
    await c.getTrack(track.id, { fresh: true });
    expect(api(start).map((r) => r.hash)).not.toContain(poisoned);
  });
});

describe('v2', () => {
  it('v1 404 -> the same operation as a POST to v2, remembered', async () => {
    const track = spotify.add(fakeTrack());
    spotify.webPlayer.settings.v1 = 'gone';
    await using c = client();
    const start = spotify.requests.length;
    expect(await c.getTrack(track.id)).toEqual(track);
    expect(api(start).map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /pathfinder/v1/query',
      'POST /pathfinder/v2/query',
    ]);
    expect(warnings.join('\n')).toMatch(
      /getTrack: pathfinder\/v1 refused .*sent as a POST to pathfinder\/v2; 612585ae… \(built-in\) answers on pathfinder\/v2/,
    );
    const again = spotify.requests.length;
    await c.getTrack(track.id, { fresh: true });
    expect(api(again).map((r) => `${r.method} ${r.path}`)).toEqual(['POST /pathfinder/v2/query']);
  });

  it('an HTML 403 edge page on v1 goes to v2 too, without retries', async () => {
    const track = spotify.add(fakeTrack());
    spotify.webPlayer.settings.v1 = 'edge-403';
    await using c = client({ retry: { maxAttempts: 4, baseDelayMs: 1, maxDelayMs: 5 } });
    const start = spotify.requests.length;
    expect(await c.getTrack(track.id)).toEqual(track);
    expect(api(start).map((r) => r.method)).toEqual(['GET', 'POST']);
  });

  it('v2 that needs a client token: minted once with the clientVersion, reused, never shown', async () => {
    const tracks = [spotify.add(fakeTrack()), spotify.add(fakeTrack())];
    spotify.webPlayer.settings.v1 = 'gone';
    spotify.webPlayer.settings.requireClientToken = true;
    await using c = client();
    for (const track of tracks) expect(await c.getTrack(track.id)).toEqual(track);
    const mints = spotify.requests.filter((r) => r.host === 'clienttoken.spotify.com');
    expect(mints).toHaveLength(1);
    const v2 = spotify.requests.filter((r) => r.path === '/pathfinder/v2/query');
    expect(v2.at(-1)?.headers['client-token']).toBe('fake-client-token-1');
    expect(warnings.join('\n')).toMatch(/asked for a client token; minted one/);
    expect(warnings.join('\n')).not.toContain('fake-client-token');
  });
});
