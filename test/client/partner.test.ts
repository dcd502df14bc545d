import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AsyncSpotifyClient, NotFoundError, type ClientOptions } from '../../src/index.js';
import { sendHtml, sendJson, startLoopback, type Loopback, type SeenRequest } from '../helpers/loopback.js';
import {
  TOKEN,
  embedHtml,
  embedState,
  episodeEntity,
  listEntity,
  row,
  trackEntity,
  type Json,
} from '../helpers/pages.js';
import { apiTrackData, itemId, playlistPage, showEpisodesPage, showMetadata } from '../helpers/partner.js';

const PLAYLIST = 'BigP1ay1ist00000000000';
const SHOW = 'BigShow000000000000000';
const TRACK = 'RichTrack0000000000000';
const ALBUM = 'RichA1bum0000000000000';
const EXPIRED = 'Expired000000000000000';
const BROKEN = 'BrokenHash000000000000';
const MIDFAIL = 'MidFai100000000000000P';
const GONE = 'GoneFromApi00000000000';
const NO_API = 'NoApiRoute000000000000';
const SHOW_NO_META = 'ShowNoMeta000000000000';
const BOOTSTRAP = '4uLU6hMCjMI75M1A2tKUQC';

const playlistIds = Array.from({ length: 1234 }, (_, i) => itemId('p', i));
const episodeIds = Array.from({ length: 120 }, (_, i) => itemId('e', i));
const albumIds = Array.from({ length: 60 }, (_, i) => itemId('a', i));

let server: Loopback;
let warnings: string[];
let rotatingToken = 0;
let expiredRecovers = true;

function page(entity: Json, token = TOKEN, entityUri?: string): string {
  const state = embedState(entity, entityUri);
  return embedHtml({
    ...state,
    settings: { session: { accessToken: token, accessTokenExpirationTimestampMs: 1, isAnonymous: true } },
  });
}

const embeds: Record<string, () => string> = {
  [`/embed/playlist/${PLAYLIST}`]: () =>
    page(
      listEntity(
        'playlist',
        playlistIds
          .slice(0, 100)
          .map((id) =>
            row({ uri: `spotify:track:${id}`, audioPreview: { url: `https://p.scdn.co/mp3-preview/${id}` } }),
          ),
        { id: PLAYLIST, uri: `spotify:playlist:${PLAYLIST}` },
      ),
    ),
  [`/embed/playlist/${MIDFAIL}`]: () =>
    page(
      listEntity(
        'playlist',
        playlistIds.slice(0, 100).map((id) => row({ uri: `spotify:track:${id}` })),
        { id: MIDFAIL, uri: `spotify:playlist:${MIDFAIL}` },
      ),
    ),
  [`/embed/show/${SHOW}`]: () =>
    page(
      episodeEntity({
        id: episodeIds[0],
        uri: `spotify:episode:${episodeIds[0]}`,
        relatedEntityUri: `spotify:show:${SHOW}`,
      }),
      TOKEN,
      `spotify:show:${SHOW}`,
    ),
  [`/embed/show/${SHOW_NO_META}`]: () =>
    page(
      episodeEntity({
        id: episodeIds[0],
        uri: `spotify:episode:${episodeIds[0]}`,
        relatedEntityUri: `spotify:show:${SHOW_NO_META}`,
      }),
      TOKEN,
      `spotify:show:${SHOW_NO_META}`,
    ),
  [`/embed/track/${TRACK}`]: () => page(trackEntity({ id: TRACK, uri: `spotify:track:${TRACK}` })),
  [`/embed/track/${BROKEN}`]: () => page(trackEntity({ id: BROKEN, uri: `spotify:track:${BROKEN}` })),
  [`/embed/track/${GONE}`]: () => page(trackEntity({ id: GONE, uri: `spotify:track:${GONE}` })),
  [`/embed/track/${NO_API}`]: () => page(trackEntity({ id: NO_API, uri: `spotify:track:${NO_API}` })),
  [`/embed/track/${EXPIRED}`]: () =>
    page(trackEntity({ id: EXPIRED, uri: `spotify:track:${EXPIRED}` }), `token-${(rotatingToken += 1)}-abcdef`),
  // The page the client bootstraps a fresh token from (after a 401, or for calls without a page).
  [`/embed/track/${BOOTSTRAP}`]: () =>
    page(trackEntity({ id: BOOTSTRAP, uri: `spotify:track:${BOOTSTRAP}` }), `token-${(rotatingToken += 1)}-abcdef`),
  [`/embed/album/${ALBUM}`]: () =>
    page(
      listEntity(
        'album',
        albumIds.map((id) => row({ uri: `spotify:track:${id}` })),
        { id: ALBUM, uri: `spotify:album:${ALBUM}` },
      ),
    ),
};

function answerApi(request: SeenRequest): { status: number; body: unknown } {
  const operation = request.url.searchParams.get('operationName');
  const variables = JSON.parse(request.url.searchParams.get('variables') ?? '{}') as {
    uri: string;
    offset?: number;
    limit?: number;
  };
  const hash = (
    JSON.parse(request.url.searchParams.get('extensions') ?? '{}') as { persistedQuery?: { sha256Hash?: string } }
  ).persistedQuery?.sha256Hash;
  const auth = request.headers['authorization'];
  const { uri, offset = 0, limit = 50 } = variables;
  if (uri === `spotify:track:${EXPIRED}`) {
    return expiredRecovers && auth === `Bearer token-${rotatingToken}-abcdef` && rotatingToken >= 2
      ? { status: 200, body: { data: { trackUnion: apiTrackData(EXPIRED, 3) } } }
      : { status: 401, body: { error: { status: 401, message: `The access token ${String(auth)} expired` } } };
  }
  if (auth !== `Bearer ${TOKEN}` || request.headers['app-platform'] !== 'WebPlayer') return { status: 401, body: {} };
  if (uri === `spotify:track:${BROKEN}`)
    return { status: 200, body: { errors: [{ message: 'PersistedQueryNotFound' }] } };
  if (uri === `spotify:show:${SHOW_NO_META}` && operation === 'queryShowMetadataV2')
    return { status: 200, body: { errors: [{ message: 'PersistedQueryNotFound' }] } };
  if (uri === `spotify:track:${NO_API}`) return { status: 404, body: { error: 'no such route' } };
  if (uri === `spotify:track:${GONE}`)
    return { status: 200, body: { data: { trackUnion: { __typename: 'NotFound', message: 'gone' } } } };
  if (operation === 'fetchPlaylist' && uri === `spotify:playlist:${MIDFAIL}`) {
    return offset >= 200
      ? { status: 400, body: {} }
      : { status: 200, body: playlistPage(uri, playlistIds, offset, limit) };
  }
  switch (operation) {
    case 'fetchPlaylist':
      return { status: 200, body: playlistPage(uri, playlistIds, offset, limit) };
    case 'queryShowMetadataV2':
      return { status: 200, body: showMetadata(uri) };
    case 'queryPodcastEpisodes':
      return { status: 200, body: showEpisodesPage(uri, episodeIds, offset, limit) };
    case 'getTrack':
      return { status: 200, body: { data: { trackUnion: { ...apiTrackData(TRACK, 7), id: TRACK, hashSeen: hash } } } };
    case 'getAlbum': {
      const items = albumIds
        .slice(offset, offset + limit)
        .map((id, i) => ({ uid: `u${offset + i}`, track: apiTrackData(id, offset + i) }));
      return {
        status: 200,
        body: {
          data: {
            albumUnion: {
              uri,
              name: 'Rich Album',
              type: 'COMPILATION',
              label: 'Loop Records',
              date: { isoString: '2019-05-05T00:00:00Z' },
              copyright: {
                items: [
                  { text: '(C) Loop', type: 'C' },
                  { text: '(P) Loop', type: 'P' },
                ],
              },
              artists: { items: [{ profile: { name: 'Various' }, uri: `spotify:artist:${'V'.repeat(22)}` }] },
              tracksV2: { totalCount: albumIds.length, items },
            },
          },
        },
      };
    }
    default:
      return { status: 200, body: { errors: [{ message: `unknown operation ${operation}` }] } };
  }
}

beforeAll(async () => {
  server = await startLoopback((request, res) => {
    if (request.host === 'api-partner.spotify.com') {
      const { status, body } = answerApi(request);
      return sendJson(res, body, status);
    }
    const embed = embeds[request.path];
    return embed ? sendHtml(res, embed()) : sendHtml(res, 'no', 404);
  });
});

afterAll(async () => {
  await server.close();
});

beforeEach(() => {
  warnings = [];
});

function client(options: ClientOptions = {}): AsyncSpotifyClient {
  return new AsyncSpotifyClient({
    dispatcher: server.dispatcher,
    rateLimit: false,
    retry: false,
    onWarning: (m) => warnings.push(m),
    ...options,
  });
}

function countSince(start: number): { embed: number; api: number; operations: string[] } {
  const seen = server.requests.slice(start);
  return {
    embed: seen.filter((r) => r.host === 'open.spotify.com').length,
    api: seen.filter((r) => r.host === 'api-partner.spotify.com').length,
    operations: seen
      .filter((r) => r.host === 'api-partner.spotify.com')
      .map((r) => r.url.searchParams.get('operationName') ?? ''),
  };
}

describe('playlists past 100 items', () => {
  it.each([
    [100, 100, 1],
    [250, 250, 3],
    [Infinity, 1234, 13],
  ])('maxTracks %s -> %i tracks in order with one embed + %i API pages', async (maxTracks, expected, pages) => {
    await using c = client();
    const start = server.requests.length;
    const playlist = await c.getPlaylist(PLAYLIST, { maxTracks });
    expect(playlist.tracks).toHaveLength(expected);
    expect(playlist.tracks.map((item) => item.track.id)).toEqual(playlistIds.slice(0, expected));
    expect(countSince(start)).toMatchObject({ embed: 1, api: pages });
    expect(playlist).toMatchObject({ description: 'A long one', followers: 4242, totalTracks: 1234 });
    expect(playlist.owner).toEqual({ name: 'Owner Name', id: 'owner', uri: 'spotify:user:owner' });
    expect(playlist.tracks[5]).toMatchObject({
      addedAt: '2026-01-01T00:00:05Z',
      addedBy: { name: 'Adder', id: 'adder', uri: 'spotify:user:adder' },
    });
    // Previews come from the embed for the rows it listed; the API has none.
    expect(playlist.tracks[0]?.track.previewUrl).toBe(`https://p.scdn.co/mp3-preview/${playlistIds[0]}`);
    expect(playlist.tracks[150]?.track.previewUrl ?? null).toBeNull();
    expect(warnings).toEqual([]);
  });

  it('a page failing mid-way keeps what was fetched and warns', async () => {
    await using c = client();
    const playlist = await c.getPlaylist(MIDFAIL, { maxTracks: 500 });
    expect(playlist.tracks).toHaveLength(200);
    expect(playlist.tracks.map((item) => item.track.id)).toEqual(playlistIds.slice(0, 200));
    expect(warnings.join('\n')).toMatch(/stopped early after 200 items/);
  });

  it('partnerApi: false costs one request and stops at the embed`s 100', async () => {
    await using c = client({ partnerApi: false });
    const start = server.requests.length;
    const playlist = await c.getPlaylist(PLAYLIST, { maxTracks: Infinity });
    expect(playlist.tracks).toHaveLength(100);
    expect(playlist.totalTracks).toBeNull();
    expect(countSince(start)).toMatchObject({ embed: 1, api: 0 });
  });
});

describe('shows', () => {
  it.each([
    [50, 50, 1],
    [120, 120, 3],
    [Infinity, 120, 3],
    [0, 0, 0],
  ])(
    'maxEpisodes %s -> %i episodes with one embed + show metadata + %i episode pages',
    async (maxEpisodes, expected, pages) => {
      await using c = client();
      const start = server.requests.length;
      const show = await c.getShow(SHOW, { maxEpisodes });
      expect(show.episodes.map((e) => e.id)).toEqual(episodeIds.slice(0, expected));
      expect(countSince(start).operations).toEqual([
        'queryShowMetadataV2',
        ...Array(pages).fill('queryPodcastEpisodes'),
      ]);
      expect(show).toMatchObject({
        name: 'The Show',
        publisher: 'Loopback Media',
        description: 'A show about loopback',
        mediaType: 'AUDIO',
      });
      if (maxEpisodes > 0) expect(show.totalEpisodes).toBe(120);
      if (expected > 0)
        expect(show.episodes[0]?.previewUrl).toBe('https://podz-content.spotifycdn.com/audio/clips/x/clip.mp3');
    },
  );
});

describe('shows, partly failing', () => {
  it('metadata failing keeps the episode pages, with a warning', async () => {
    await using c = client();
    const show = await c.getShow(SHOW_NO_META, { maxEpisodes: 120 });
    expect(show.episodes).toHaveLength(120);
    expect(show.totalEpisodes).toBe(120);
    expect(show.publisher).toBeNull();
    expect(warnings.join('\n')).toMatch(
      /metadata from the partner API failed: .*every hash and endpoint tried was refused/,
    );
  });
});

describe('richer fields', () => {
  it('track: album, track number, play count; the embed preview kept', async () => {
    await using c = client();
    const track = await c.getTrack(TRACK);
    expect(track).toMatchObject({
      trackNumber: 8,
      discNumber: 1,
      playCount: 1007,
      previewUrl: 'https://p.scdn.co/mp3-preview/abc123',
    });
    expect(track.album).toMatchObject({ name: 'Some Album', uri: `spotify:album:${'B'.repeat(22)}` });
  });

  it('album: type, label, copyrights, every track over pages of 50', async () => {
    await using c = client();
    const start = server.requests.length;
    const album = await c.getAlbum(ALBUM);
    expect(album).toMatchObject({
      albumType: 'COMPILATION',
      label: 'Loop Records',
      releaseDate: '2019-05-05T00:00:00Z',
      totalTracks: 60,
      copyrights: ['(C) Loop', '(P) Loop'],
    });
    expect(album.artists).toEqual([{ name: 'Various', id: 'V'.repeat(22), uri: `spotify:artist:${'V'.repeat(22)}` }]);
    expect(album.tracks.map((t) => t.id)).toEqual(albumIds);
    expect(album.tracks[59]?.playCount).toBe(1059);
    expect(countSince(start)).toMatchObject({ embed: 1, api: 2 });
  });

  it('uses overridden operation hashes', async () => {
    const hash = 'f'.repeat(64);
    await using c = client({ operations: { track: { name: 'getTrack', hash } } });
    const start = server.requests.length;
    await c.getTrack(TRACK);
    const extensions = JSON.parse(
      server.requests
        .slice(start)
        .find((r) => r.host === 'api-partner.spotify.com')
        ?.url.searchParams.get('extensions') ?? '{}',
    );
    expect(extensions).toEqual({ persistedQuery: { version: 1, sha256Hash: hash } });
  });
});

describe('tokens and degradation', () => {
  it('a 401 fetches a fresh token from the bootstrap page once and retries', async () => {
    await using c = client();
    const start = server.requests.length;
    const track = await c.getTrack(EXPIRED);
    expect(track.playCount).toBe(1003);
    expect(countSince(start)).toMatchObject({ embed: 2, api: 2 });
    expect(warnings).toEqual([]);
  });

  it('persisted query not found -> embed data and a warning', async () => {
    await using c = client();
    const track = await c.getTrack(BROKEN);
    expect(track).toMatchObject({ id: BROKEN, name: 'One More Time', playCount: null, album: null });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/getTrack failed: every hash and endpoint tried was refused .*operations\.track/);
  });

  it('an HTTP 404 from the API endpoint degrades to embed data with a warning', async () => {
    await using c = client();
    await expect(c.getTrack(NO_API)).resolves.toMatchObject({ id: NO_API, playCount: null });
    // v1 404 -> the same query as a POST to v2 (which this server does not know either).
    expect(warnings.join('\n')).toMatch(/Partner API failed for track NoApiRoute0+, returning embed data/);
    expect(server.requests.some((r) => r.method === 'POST' && r.path === '/pathfinder/v2/query')).toBe(true);
  });

  it('a NotFound from the API propagates', async () => {
    await using c = client();
    await expect(c.getTrack(GONE)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('never shows a token in errors or warnings', async () => {
    expiredRecovers = false; // the API now rejects every token of EXPIRED
    await using c = client();
    const tokensBefore = rotatingToken + 1;
    const track = await c.getTrack(EXPIRED).catch((e: unknown) => e);
    // Both 401s degrade to embed data with a warning; the tokens used must not appear in it.
    expect(track).toMatchObject({ id: EXPIRED });
    const text = warnings.join('\n');
    expect(text).toMatch(/401/);
    for (let n = tokensBefore; n <= rotatingToken; n += 1) expect(text).not.toContain(`token-${n}-abcdef`);
    expect(text).not.toContain(TOKEN);
    expect(rotatingToken - tokensBefore).toBe(1);
    expiredRecovers = true;
  });
});
