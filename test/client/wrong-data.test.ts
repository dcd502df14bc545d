/** Data the library must not trust: pages and answers that lost or changed a field. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AsyncSpotifyClient, ParseError, type ClientOptions } from '../../src/index.js';
import { sendHtml, sendJson, startLoopback, type Loopback, type SeenRequest } from '../helpers/loopback.js';
import { embedHtml, embedState, listEntity, restrictedRow, row, trackEntity, type Json } from '../helpers/pages.js';
import { apiTrackData, itemId } from '../helpers/partner.js';

const id = (name: string) => name.padEnd(22, '0');
const pages = new Map<string, string>();
const answers = new Map<string, (request: SeenRequest) => unknown>();
let server: Loopback;
let warnings: string[];
let apiRequests = 0;

function page(type: string, entity: Json, embedded?: string): void {
  pages.set(
    `/embed/${type}/${id(String(entity['__key']))}`,
    embedHtml(embedState({ ...entity, __key: undefined }, embedded)),
  );
}

beforeAll(async () => {
  server = await startLoopback((request, res) => {
    if (request.host === 'api-partner.spotify.com') {
      apiRequests += 1;
      const uri = JSON.parse(request.url.searchParams.get('variables') ?? '{}').uri as string;
      const answer = answers.get(uri);
      return sendJson(res, answer ? answer(request) : { errors: [{ message: 'PersistedQueryNotFound' }] });
    }
    const html = pages.get(request.path);
    return html ? sendHtml(res, html) : sendHtml(res, 'no', 404);
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
    partnerApi: false,
    onWarning: (m) => warnings.push(m),
    ...options,
  });
}

describe('embed pages', () => {
  it('a row without a uri, or a local file, is skipped with a warning naming its position', async () => {
    const key = 'RowsNoUri';
    page('playlist', {
      ...listEntity(
        'playlist',
        [row(), row({ uri: undefined }), row({ uri: 'spotify:local:Artist:Album:Song:200' }), restrictedRow()],
        {
          id: id(key),
          uri: `spotify:playlist:${id(key)}`,
        },
      ),
      __key: key,
    });
    await using c = client();
    const playlist = await c.getPlaylist(id(key));
    expect(playlist.tracks.map((item) => item.track.playable)).toEqual([true, false]);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/props\.pageProps\.state\.data\.entity\.trackList\[1\] has no track or episode uri/);
    expect(warnings[1]).toMatch(/trackList\[2\].*spotify:local/);
  });

  it('a playable row without a title is a ParseError naming its path', async () => {
    const key = 'RowNoTitle';
    page('album', {
      ...listEntity('album', [row(), row({ title: '' })], { id: id(key), uri: `spotify:album:${id(key)}` }),
      __key: key,
    });
    await using c = client();
    await expect(c.getAlbum(id(key))).rejects.toThrow(
      /Missing props\.pageProps\.state\.data\.entity\.trackList\[1\]\.title/,
    );
  });

  it('a playable row without artists is a ParseError naming its subtitle', async () => {
    const key = 'RowNoArtist';
    page('album', {
      ...listEntity('album', [row({ subtitle: '' })], { id: id(key), uri: `spotify:album:${id(key)}` }),
      __key: key,
    });
    await using c = client();
    await expect(c.getAlbum(id(key))).rejects.toThrow(/trackList\[0\]\.subtitle/);
  });

  it('getAlbum on a track page that lost its type is a ParseError, not an album', async () => {
    const key = 'LostType';
    page('album', { ...trackEntity({ id: id(key), uri: `spotify:track:${id(key)}`, type: undefined }), __key: key });
    await using c = client();
    await expect(c.getAlbum(id(key))).rejects.toThrow(/Expected an album but the page describes a track/);
    const bare = 'LostAll';
    page('album', { ...trackEntity({ id: id(bare), uri: undefined, type: undefined }), __key: bare });
    await expect(c.getAlbum(id(bare))).rejects.toThrow(/Missing props\.pageProps\.state\.data\.entity\.type/);
  });

  it.each([
    [
      'no uri nor id',
      { uri: undefined, id: undefined },
      /Missing or invalid props\.pageProps\.state\.data\.entity\.uri/,
    ],
    ['a uri of the wrong form', { uri: 'spotify:track:short' }, /Missing or invalid .*entity\.uri/],
    [
      'another entity',
      { uri: `spotify:track:${id('SomethingElse')}` },
      /describes track SomethingElse0+, not the requested/,
    ],
    ['an empty title and name', { title: '', name: '' }, /Missing props\.pageProps\.state\.data\.entity\.title/],
    ['no artists', { artists: [], subtitle: undefined }, /Missing props\.pageProps\.state\.data\.entity\.artists/],
    ['a title that is a number', { title: 42, name: undefined }, /entity\.title/],
  ])('a track page with %s is a ParseError naming the path', async (_name, overrides, message) => {
    const key = `Bad${String(_name).replace(/\W/g, '').slice(0, 12)}`;
    page('track', { ...trackEntity({ id: id(key), uri: `spotify:track:${id(key)}`, ...overrides }), __key: key });
    await using c = client();
    const error = await c.getTrack(id(key)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ParseError);
    expect((error as Error).message).toMatch(message);
  });

  it('a relinked track (the page embeds the requested id, describes another) is read as what it describes', async () => {
    const key = 'Requested';
    const other = id('Relinked');
    page(
      'track',
      { ...trackEntity({ id: other, uri: `spotify:track:${other}` }), __key: key },
      `spotify:track:${id(key)}`,
    );
    await using c = client();
    await expect(c.getTrack(id(key))).resolves.toMatchObject({ id: other, uri: `spotify:track:${other}` });
  });
});

describe('partner API answers', () => {
  it("a merged track has one picture: its album's cover when the API names the album with one", async () => {
    const key = 'TwoCovers';
    page('track', { ...trackEntity({ id: id(key), uri: `spotify:track:${id(key)}` }), __key: key });
    answers.set(`spotify:track:${id(key)}`, () => ({ data: { trackUnion: apiTrackData(id(key), 1) } }));
    await using c = client({ partnerApi: true });
    const track = await c.getTrack(id(key));
    expect(track.album?.images.length).toBeGreaterThan(0);
    expect(track.images).toEqual(track.album?.images);
  });

  it('an answer about another entity is not merged: a warning, and the embed data', async () => {
    const key = 'OtherAnswer';
    page('track', { ...trackEntity({ id: id(key), uri: `spotify:track:${id(key)}` }), __key: key });
    answers.set(`spotify:track:${id(key)}`, () => ({
      data: { trackUnion: { ...apiTrackData(id('Intruder'), 1), uri: `spotify:track:${id('Intruder')}` } },
    }));
    await using c = client({ partnerApi: true });
    const track = await c.getTrack(id(key));
    expect(track).toMatchObject({ id: id(key), name: 'One More Time', playCount: null });
    expect(warnings.join('\n')).toMatch(
      /answered about "spotify:track:Intruder0+", not spotify:track:OtherAnswer0+: not merged/,
    );
  });

  it('an API row without a name never erases the title the embed gave it', async () => {
    const key = 'NamelessRows';
    const ids = [itemId('nl', 0), itemId('nl', 1)];
    page('album', {
      ...listEntity(
        'album',
        ids.map((track, i) => row({ uri: `spotify:track:${track}`, title: `Embed title ${i}` })),
        { id: id(key), uri: `spotify:album:${id(key)}` },
      ),
      __key: key,
    });
    answers.set(`spotify:album:${id(key)}`, () => ({
      data: {
        albumUnion: {
          uri: `spotify:album:${id(key)}`,
          name: 'Album',
          tracksV2: {
            totalCount: 3,
            items: [...ids, itemId('nl', 2)].map((track, i) => ({
              uid: `u${i}`,
              track: { ...apiTrackData(track, i), name: '' },
            })),
          },
        },
      },
    }));
    await using c = client({ partnerApi: true });
    const album = await c.getAlbum(id(key));
    expect(album.tracks.map((track) => track.name)).toEqual(['Embed title 0', 'Embed title 1']);
    expect(album.tracks[0]?.playCount).toBe(1000);
    expect(warnings.join('\n')).toMatch(/1 items from the partner API had no name and were dropped/);
  });

  it('paging ends against an API that ignores the offset and omits uid and totalCount', async () => {
    const key = 'EndlessPages';
    page('playlist', {
      ...listEntity('playlist', [row()], { id: id(key), uri: `spotify:playlist:${id(key)}` }),
      __key: key,
    });
    const same = Array.from({ length: 100 }, (_, i) => ({ itemV2: { data: apiTrackData(itemId('same', i), i) } }));
    answers.set(`spotify:playlist:${id(key)}`, () => ({
      data: { playlistV2: { uri: `spotify:playlist:${id(key)}`, name: 'Loop', content: { items: same } } },
    }));
    await using c = client({ partnerApi: true });
    const before = apiRequests;
    const playlist = await c.getPlaylist(id(key), { maxTracks: Infinity });
    expect(playlist.tracks).toHaveLength(100);
    expect(apiRequests - before).toBe(2);
    expect(warnings.join('\n')).toMatch(/same page as before/);
  });

  it('paging that brings nothing new (pages A, B, A again) stops and says so', async () => {
    const key = 'CyclingPages';
    page('playlist', {
      ...listEntity('playlist', [row()], { id: id(key), uri: `spotify:playlist:${id(key)}` }),
      __key: key,
    });
    const pageOf = (name: string) =>
      Array.from({ length: 100 }, (_, i) => ({ itemV2: { data: apiTrackData(itemId(name, i), i) } }));
    const cycle = [pageOf('first'), pageOf('second')];
    answers.set(`spotify:playlist:${id(key)}`, (request) => {
      const offset = Number(JSON.parse(request.url.searchParams.get('variables') ?? '{}').offset ?? 0);
      const items = cycle[(offset / 100) % 2] ?? [];
      return { data: { playlistV2: { uri: `spotify:playlist:${id(key)}`, name: 'Cycle', content: { items } } } };
    });
    await using c = client({ partnerApi: true });
    const before = apiRequests;
    const playlist = await c.getPlaylist(id(key), { maxTracks: Infinity });
    expect(playlist.tracks).toHaveLength(200);
    expect(apiRequests - before).toBe(3);
    expect(warnings.join('\n')).toMatch(
      /Paging .* stopped early after 200 items: the API answered offset 200 with nothing new/,
    );
  });
});
