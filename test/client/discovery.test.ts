import { fakeArtist as fakeArtistKit, startFakeSpotify as startKit } from '../../src/testing/index.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  AsyncSpotifyClient,
  DEFAULT_OPERATIONS,
  HttpError,
  InvalidInputError,
  NotFoundError,
  ParseError,
  type ClientOptions,
} from '../../src/index.js';
import { abortableDelay } from '../../src/http/clock.js';
import {
  colorsAnswer,
  concertsAnswer,
  discographyAnswer,
  relatedAnswer,
  searchAnswer,
  similarAlbumsAnswer,
} from '../helpers/discovery.js';
import { sendHtml, sendJson, startLoopback, type Loopback, type SeenRequest } from '../helpers/loopback.js';
import { embedHtml, embedState, trackEntity, type Json } from '../helpers/pages.js';

const BOOTSTRAP = '4uLU6hMCjMI75M1A2tKUQC';
const ARTIST = 'DiscoArtist00000000000';
const EMPTY_ARTIST = 'EmptyArtist00000000000';
const GONE_ARTIST = 'GoneArtist000000000000';
const FLAKY_ARTIST = 'FlakyArtist00000000000';
const TRACK = 'DiscoTrack000000000000';
const IMAGE = 'ab67616d0000b273' + '0123456789abcdef01234567';

let server: Loopback;
let now = 1_800_000_000_000;
/** The expiry the next bootstrap page announces, relative to `now`. */
let tokenLifetimeMs = 3_600_000;
let tokenCounter = 0;
/** Tokens the API rejects with 401. */
const rejected = new Set<string>();
let rejectAll = false;
let warnings: string[];

function bootstrapPage(): string {
  tokenCounter += 1;
  const state = embedState(trackEntity({ id: BOOTSTRAP, uri: `spotify:track:${BOOTSTRAP}` }));
  const session = {
    accessToken: `anon-token-${tokenCounter}-xyzxyz`,
    accessTokenExpirationTimestampMs: now + tokenLifetimeMs,
    isAnonymous: true,
  };
  return embedHtml({ ...state, settings: { session } });
}

function answer(request: SeenRequest): { status: number; body: Json } {
  const token = String(request.headers['authorization'] ?? '').replace(/^Bearer /, '');
  if (!token.startsWith('anon-token-') || rejected.has(token) || rejectAll)
    return { status: 401, body: { error: { status: 401, message: `token ${token} expired` } } };
  const operation = request.url.searchParams.get('operationName');
  const hash = (
    JSON.parse(request.url.searchParams.get('extensions') ?? '{}') as { persistedQuery?: { sha256Hash?: string } }
  ).persistedQuery?.sha256Hash;
  if (!Object.values(DEFAULT_OPERATIONS).some((known) => known.name === operation && known.hash === hash)) {
    return { status: 200, body: { errors: [{ message: 'PersistedQueryNotFound' }] } };
  }
  const variables = JSON.parse(request.url.searchParams.get('variables') ?? '{}') as Record<string, any>;
  switch (operation) {
    case 'searchDesktop':
      if (variables['searchTerm'] === 'nothing at all') return { status: 200, body: { data: { searchV2: {} } } };
      if (variables['searchTerm'] === 'one hit without a name') {
        const body = searchAnswer('x', 3, 0) as any;
        body.data.searchV2.artists.items[1].data.profile.name = '';
        return { status: 200, body };
      }
      return {
        status: 200,
        body: searchAnswer(variables['searchTerm'], Math.min(3, variables['limit']), variables['offset']),
      };
    case 'queryArtistDiscographyAll': {
      if (variables['uri'] === `spotify:artist:${FLAKY_ARTIST}` && variables['offset'] > 0)
        return { status: 500, body: { error: 'down' } };
      const groups = variables['uri'] === `spotify:artist:${EMPTY_ARTIST}` ? 0 : 120;
      return {
        status: 200,
        body: discographyAnswer(variables['uri'], groups, variables['offset'], variables['limit']),
      };
    }
    case 'queryArtistRelated':
      if (variables['uri'] === `spotify:artist:${GONE_ARTIST}`)
        return { status: 200, body: { data: { artistUnion: { __typename: 'NotFound', message: 'gone' } } } };
      return {
        status: 200,
        body: relatedAnswer(variables['uri'], variables['uri'] === `spotify:artist:${EMPTY_ARTIST}` ? 0 : 40),
      };
    case 'similarAlbumsBasedOnThisTrack':
      return { status: 200, body: similarAlbumsAnswer(Math.min(variables['limit'], 30)) };
    case 'ArtistConcerts':
      return {
        status: 200,
        body: concertsAnswer(
          variables['artistUri'],
          variables['artistUri'] === `spotify:artist:${EMPTY_ARTIST}` ? 0 : 9,
        ),
      };
    case 'fetchExtractedColors':
      return { status: 200, body: colorsAnswer() };
    default:
      return { status: 200, body: { errors: [{ message: 'PersistedQueryNotFound' }] } };
  }
}

beforeAll(async () => {
  server = await startLoopback(async (request, res) => {
    if (request.host === 'api-partner.spotify.com') {
      const { status, body } = answer(request);
      return sendJson(res, body, status);
    }
    if (request.path === `/embed/track/${BOOTSTRAP}`) {
      await abortableDelay(20); // long enough for concurrent callers to pile up on one bootstrap
      return sendHtml(res, bootstrapPage());
    }
    return sendHtml(res, 'no', 404);
  });
});

afterAll(async () => {
  await server.close();
});

beforeEach(() => {
  warnings = [];
  tokenLifetimeMs = 3_600_000;
  rejected.clear();
  rejectAll = false;
});

function client(options: ClientOptions = {}): AsyncSpotifyClient {
  return new AsyncSpotifyClient({
    dispatcher: server.dispatcher,
    rateLimit: false,
    retry: false,
    clock: { now: () => now, sleep: abortableDelay },
    onWarning: (message) => warnings.push(message),
    ...options,
  });
}

function since(start: number) {
  const seen = server.requests.slice(start);
  return {
    bootstraps: seen.filter((r) => r.path === `/embed/track/${BOOTSTRAP}`).length,
    api: seen.filter((r) => r.host === 'api-partner.spotify.com'),
    total: seen.length,
  };
}

const variablesOf = (request: SeenRequest) =>
  JSON.parse(request.url.searchParams.get('variables') ?? '{}') as Record<string, unknown>;

describe('search', () => {
  it('returns one page per type with totals, in the models of SPEC §6', async () => {
    await using c = client();
    const results = await c.search('  daft   punk ');
    expect(results.query).toBe('daft punk');
    expect(results.tracks.map((t) => t.type)).toEqual(['track', 'track', 'track']);
    expect(results.albums[1]).toMatchObject({
      type: 'album',
      albumType: 'ALBUM',
      releaseDate: '2013',
      totalTracks: null,
    });
    expect(results.albums[0]).not.toHaveProperty('tracks');
    expect(results.artists[0]).toMatchObject({ type: 'artist', name: 'Artist 0' });
    expect(results.playlists[0]).toMatchObject({ type: 'playlist', owner: { name: 'Curator', id: 'curator' } });
    expect(results.shows[0]).toMatchObject({ type: 'show', publisher: 'Loop Media' });
    expect(results.episodes[0]).toMatchObject({ type: 'episode', show: { name: 'The Show' } });
    expect(results.totals).toEqual({ track: 1000, album: 897, artist: 821, playlist: 904, show: 761, episode: 1000 });
  });

  it('sends query, limit and offset; types not asked for are [] with a null total', async () => {
    await using c = client();
    const start = server.requests.length;
    const results = await c.search('loop', { types: ['artist', 'show'], limit: 2, offset: 40 });
    const [request] = since(start).api;
    expect(variablesOf(request!)).toMatchObject({ searchTerm: 'loop', limit: 2, offset: 40, numberOfTopResults: 5 });
    expect(results.artists.map((a) => a.name)).toEqual(['Artist 40', 'Artist 41']);
    expect(results.shows).toHaveLength(2);
    expect(results.tracks).toEqual([]);
    expect(results.totals).toMatchObject({ track: null, album: null, artist: 821, show: 761 });
  });

  it('an empty answer is empty lists, not an error', async () => {
    await using c = client();
    const results = await c.search('nothing at all');
    expect([
      results.tracks,
      results.albums,
      results.artists,
      results.playlists,
      results.shows,
      results.episodes,
    ]).toEqual([[], [], [], [], [], []]);
  });
});

describe('the token', () => {
  it('20 concurrent searches on a new client share one bootstrap page', async () => {
    await using c = client();
    const start = server.requests.length;
    await Promise.all(Array.from({ length: 20 }, (_, i) => c.search(`query ${i}`, { types: ['track'] })));
    expect(since(start)).toMatchObject({ bootstraps: 1 });
    expect(since(start).api).toHaveLength(20);
    expect(new Set(since(start).api.map((r) => r.headers['authorization'])).size).toBe(1);
  });

  it('is kept until 60 s before its expiry, then bootstrapped again', async () => {
    await using c = client();
    const start = server.requests.length;
    await c.search('a');
    now += 3_600_000 - 61_000; // 61 s before expiry: still kept
    await c.search('b');
    expect(since(start).bootstraps).toBe(1);
    now += 2_000; // 59 s before expiry: inside the margin
    await c.search('c');
    expect(since(start).bootstraps).toBe(2);
  });

  it('a token that comes already inside the margin is kept until the API rejects it', async () => {
    tokenLifetimeMs = 30_000;
    await using c = client();
    const start = server.requests.length;
    for (const query of ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j']) await c.search(query);
    expect(since(start)).toMatchObject({ bootstraps: 1 }); // was 10: one page per search
    expect(since(start).api).toHaveLength(10);
    rejected.add(`anon-token-${tokenCounter}-xyzxyz`);
    await c.search('after a 401');
    expect(since(start)).toMatchObject({ bootstraps: 2 });
  });

  it('a 401 fetches one fresh token and retries once; a second 401 rejects', async () => {
    await using c = client();
    await c.search('warm up');
    const first = `anon-token-${tokenCounter}-xyzxyz`;
    rejected.add(first);
    const start = server.requests.length;
    await expect(c.search('after expiry')).resolves.toMatchObject({ query: 'after expiry' });
    expect(since(start)).toMatchObject({ bootstraps: 1, total: 3 });
    rejectAll = true;
    const again = server.requests.length;
    const error = await c.search('again').catch((e: unknown) => e);
    expect(since(again)).toMatchObject({ bootstraps: 1, total: 3 });
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).status).toBe(401);
    expect(String((error as Error).message)).not.toMatch(/anon-token-\d+-xyzxyz/);
  });
});

describe('discovery under faults', () => {
  it('discography paging that fails after the first page keeps what it fetched, warns, and is not cached', async () => {
    await using c = client({ cache: true });
    const releases = await c.getArtistDiscography(FLAKY_ARTIST);
    expect(releases.length).toBeGreaterThan(0);
    expect(releases.length).toBeLessThan(150);
    expect(warnings.join('\n')).toMatch(
      /Paging the discography of artist FlakyArtist0+ stopped early after \d+ releases/,
    );
    const start = server.requests.length;
    await c.getArtistDiscography(FLAKY_ARTIST);
    expect(since(start).api.length).toBeGreaterThan(0); // fetched again: a cut result is not cached
  });

  it('one search hit without a name is skipped with a warning; the rest are kept', async () => {
    await using c = client();
    const results = await c.search('one hit without a name');
    expect(results.artists).toHaveLength(2);
    expect(results.tracks).toHaveLength(3);
    expect(warnings.join('\n')).toMatch(/searchDesktop: skipped 1 unreadable item\(s\): .*artists item 1/);
  });
});

describe('the artist world', () => {
  it('discography pages release groups and counts releases up to maxReleases', async () => {
    await using c = client();
    const start = server.requests.length;
    const all = await c.getArtistDiscography(`spotify:artist:${ARTIST}`);
    const offsets = since(start).api.map((r) => variablesOf(r)['offset']);
    expect(offsets).toEqual([0, 50, 100]);
    expect(all).toHaveLength(120 + 30); // every 4th of 120 groups has a second edition
    expect(all[0]).toMatchObject({ type: 'album', name: 'Album 0', totalTracks: 10 });
    const some = await c.getArtistDiscography(ARTIST, { maxReleases: 7 });
    expect(some.map((r) => r.id)).toEqual(all.slice(0, 7).map((r) => r.id));
    expect(await c.getArtistDiscography(EMPTY_ARTIST)).toEqual([]);
  });

  it('related artists, similar albums and concerts', async () => {
    await using c = client();
    const related = await c.getRelatedArtists(`https://open.spotify.com/artist/${ARTIST}`);
    expect(related).toHaveLength(40);
    expect(related[0]).toMatchObject({ type: 'artist', id: expect.stringMatching(/^rel/), images: [{ width: 640 }] });
    const start = server.requests.length;
    const similar = await c.getSimilarAlbums(TRACK, { limit: 4 });
    expect(variablesOf(since(start).api[0]!)).toEqual({ uri: `spotify:track:${TRACK}`, limit: 4 });
    expect(similar).toHaveLength(4);
    expect(await c.getSimilarAlbums(TRACK)).toHaveLength(10);
    const concerts = await c.getArtistConcerts(ARTIST);
    expect(concerts).toHaveLength(9);
    expect(concerts[0]).toMatchObject({
      title: 'Loop Festival 0',
      city: 'City 0',
      venue: 'Hall 0',
      startDate: '2026-07-01T19:00+02:00',
      artists: [{ name: 'Seed' }, { name: 'Guest 0' }],
    });
  });

  it('empty results are empty lists; a NotFound root is a NotFoundError', async () => {
    await using c = client();
    expect(await c.getRelatedArtists(EMPTY_ARTIST)).toEqual([]);
    expect(await c.getArtistConcerts(EMPTY_ARTIST)).toEqual([]);
    await expect(c.getRelatedArtists(GONE_ARTIST)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('colours from an image URL, a spotify:image URI or a model (its largest image)', async () => {
    await using c = client();
    const start = server.requests.length;
    expect(await c.getColors(`https://i.scdn.co/image/${IMAGE}`)).toEqual({
      raw: '#780010',
      dark: '#780010',
      light: '#ED0020',
      isFallback: false,
    });
    await c.getColors(`spotify:image:${IMAGE}`);
    const small = `https://i.scdn.co/image/${'1'.repeat(40)}`;
    const large = `https://image-cdn-ak.spotifycdn.com/image/${'2'.repeat(40)}`;
    await c.getColors({
      images: [
        { url: small, width: 64, height: 64 },
        { url: large, width: 640, height: 640 },
        { url: `https://i.scdn.co/image/${'3'.repeat(40)}`, width: null, height: null },
      ],
    });
    const asked = since(start).api.map((r) => variablesOf(r)['imageUris']);
    expect(asked).toEqual([
      [`spotify:image:${IMAGE}`],
      [`spotify:image:${IMAGE}`],
      [`spotify:image:${'2'.repeat(40)}`],
    ]);
  });
});

describe('bad input is an InvalidInputError before any request', () => {
  const cases: Array<[string, (c: AsyncSpotifyClient) => Promise<unknown>]> = [
    ['empty query', (c) => c.search('')],
    ['blank query', (c) => c.search('   \n ')],
    ['overlong query', (c) => c.search('x'.repeat(501))],
    ['a query that is not a string', (c) => c.search(42 as unknown as string)],
    ['unknown type', (c) => c.search('x', { types: ['track', 'podcast' as 'show'] })],
    ['empty types', (c) => c.search('x', { types: [] })],
    ['limit 0', (c) => c.search('x', { limit: 0 })],
    ['limit 101', (c) => c.search('x', { limit: 101 })],
    ['fractional limit', (c) => c.search('x', { limit: 2.5 })],
    ['negative offset', (c) => c.search('x', { offset: -1 })],
    ['negative maxReleases', (c) => c.getArtistDiscography(ARTIST, { maxReleases: -1 })],
    ['an album given to getArtistDiscography', (c) => c.getArtistDiscography(`spotify:album:${ARTIST}`)],
    ['a track given to getRelatedArtists', (c) => c.getRelatedArtists(`https://open.spotify.com/track/${TRACK}`)],
    ['an artist given to getSimilarAlbums', (c) => c.getSimilarAlbums(`spotify:artist:${ARTIST}`)],
    ['similar albums limit 0', (c) => c.getSimilarAlbums(TRACK, { limit: 0 })],
    ['a playlist given to getArtistConcerts', (c) => c.getArtistConcerts(`spotify:playlist:${ARTIST}`)],
    ['an image URL off Spotify', (c) => c.getColors(`https://example.com/image/${IMAGE}`)],
    ['an http image URL', (c) => c.getColors(`http://i.scdn.co/image/${IMAGE}`)],
    ['an image id of the wrong form', (c) => c.getColors('spotify:image:ABC')],
    ['a model without images', (c) => c.getColors({ images: [] })],
    ['not an image at all', (c) => c.getColors(null as unknown as string)],
  ];
  it.each(cases)('%s', async (_name, call) => {
    await using c = client();
    const start = server.requests.length;
    await expect(call(c)).rejects.toBeInstanceOf(InvalidInputError);
    expect(server.requests.length).toBe(start);
  });
});

describe('failures', () => {
  it('a refused override heals with the built-in hash, with a warning', async () => {
    await using c = client({ operations: { search: { hash: 'f'.repeat(64) } } });
    await expect(c.search('x')).resolves.toMatchObject({ query: 'x' });
    expect(warnings.join('\n')).toMatch(
      /searchDesktop: hash ffffffff… \(your operations option, v1\) refused; eff59fa0… \(built-in\) answers/,
    );
  });

  it('when nothing heals: a ParseError naming the operation, the hashes tried and the operations key', async () => {
    await using c = client({ operations: { search: { name: 'searchRenamed', hash: 'f'.repeat(64) } } });
    const rotated = await c.search('x').catch((e: unknown) => e);
    expect(rotated).toBeInstanceOf(ParseError);
    expect((rotated as Error).message).toMatch(
      /searchRenamed failed: every hash .* refused .*ffffffff….*eff59fa0….*doctor.*operations\.search/,
    );
  });

  it('a closed client refuses discovery calls', async () => {
    const c = client();
    await c.close();
    await expect(c.search('x')).rejects.toThrow(/closed/);
  });
});

describe('honest errors when the other side is not Spotify', () => {
  it('a bootstrap page that 404s is not a NotFoundError about the call: no anonymous token, and from where', async () => {
    await using bare = await startLoopback((_request, res) => sendHtml(res, 'no', 404));
    await using c = new AsyncSpotifyClient({ dispatcher: bare.dispatcher, rateLimit: false, retry: false });
    const error = await c.search('anything').catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(NotFoundError);
    expect(error).toBeInstanceOf(HttpError);
    expect((error as Error).message).toMatch(
      /No anonymous token for the partner API could be had: the page that gives it, https:\/\/open\.spotify\.com\/embed\/track\/4uLU6hMCjMI75M1A2tKUQC, failed/,
    );
  });

  it('the kit: a discovery call about an entity it does not serve is a NotFoundError naming that entity', async () => {
    await using spotify = await startKit();
    await using c = new AsyncSpotifyClient(spotify.clientOptions);
    const unknown = fakeArtistKit().id;
    const error = await c.getRelatedArtists(unknown).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as Error).message).toBe(
      `Spotify does not know the artist ${unknown} (the partner API's queryArtistRelated answered "NotFound")`,
    );
    expect((error as Error).message).not.toMatch(/rotated/);
    // A fresh client's first discovery call works: the fake serves the page that gives the token.
    await using fresh = new AsyncSpotifyClient(spotify.clientOptions);
    expect((await fresh.search('nothing here')).tracks).toEqual([]);
  });

  it('a NotFound answer is a NotFoundError; only PersistedQueryNotFound suggests a rotated hash', async () => {
    let answer: unknown = { errors: [{ message: 'NotFound' }], data: null };
    await using fake = await startLoopback((request, res) =>
      request.host === 'api-partner.spotify.com' ? sendJson(res, answer) : sendHtml(res, bootstrapPage()),
    );
    await using c = new AsyncSpotifyClient({ dispatcher: fake.dispatcher, rateLimit: false, retry: false });
    await expect(c.getRelatedArtists(ARTIST)).rejects.toBeInstanceOf(NotFoundError);
    answer = { errors: [{ message: 'Something else broke' }], data: null };
    const other = await c.getArtistConcerts(ARTIST).catch((e: unknown) => e);
    expect(other).toBeInstanceOf(ParseError);
    expect((other as Error).message).not.toMatch(/rotated/);
    answer = { errors: [{ message: 'PersistedQueryNotFound' }], data: null };
    await expect(c.getArtistConcerts(ARTIST, { fresh: true })).rejects.toThrow(/If Spotify rotated its hash/);
  });
});
