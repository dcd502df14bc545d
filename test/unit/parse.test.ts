import { describe, expect, it } from 'vitest';
import { NotFoundError, ParseError, PlaylistItemSchema, TrackSchema } from '../../src/index.js';
import { apiPlaylist } from '../../src/partner/entity-readers.js';
import { playlistPage } from '../helpers/partner.js';
import { validateModel } from '../../src/parse/validate.js';
import { parseEmbedHtml, readEmbedPage, type EmbedParseOptions } from '../../src/parse/index.js';
import {
  TOKEN,
  embedHtml,
  embedState,
  episodeEntity,
  episodeRow,
  listEntity,
  nextData,
  nextDataHtml,
  notFoundHtml,
  restrictedRow,
  row,
  trackEntity,
  type Json,
} from '../helpers/pages.js';

const URL = 'https://open.spotify.com/embed/x/y';

/** Parses a page as the client does after asking for the entity the page embeds. */
function parse<T extends 'track' | 'album' | 'artist' | 'playlist' | 'episode' | 'show'>(
  type: T,
  html: string,
  options: EmbedParseOptions = {},
) {
  const requested = String(readEmbedPage(html, URL).entityUri).split(':')[2] as string;
  return parseEmbedHtml(type, html, requested, URL, options);
}

describe('embed page formats', () => {
  const entity = trackEntity({ id: '0DiWol3AO6WpXZgp0goxAV', uri: 'spotify:track:0DiWol3AO6WpXZgp0goxAV' });
  const state = embedState(entity);
  it.each([
    ['minified __NEXT_DATA__', embedHtml(state)],
    ['pretty-printed', embedHtml(state, { pretty: true })],
    ['with a BOM', embedHtml(state, { bom: true })],
    [
      'type before id, with a nonce',
      embedHtml(state, { attributes: 'type="application/json" nonce="r4nd0m" id="__NEXT_DATA__"' }),
    ],
    ['single quotes', embedHtml(state, { attributes: "id='__NEXT_DATA__' type='application/json'" })],
    ['base64 initial-state (2022-2023)', embedHtml(state, { format: 'initial-state' })],
  ])('%s', (_name, html) => {
    const page = readEmbedPage(html, URL);
    expect(page.entity['id']).toBe('0DiWol3AO6WpXZgp0goxAV');
    expect(page.session?.accessToken).toBe(TOKEN);
    expect(parse('track', html).name).toBe('One More Time');
  });

  it('falls back to cheerio for markup the scan does not understand', () => {
    const html = embedHtml(state).replace('<script id=', '<script data-x="a>b" id=');
    expect(parse('track', html).id).toBe('0DiWol3AO6WpXZgp0goxAV');
  });
});

describe('not found and malformed pages', () => {
  it('reads pageProps.status 404 as NotFoundError', () => {
    expect(() => readEmbedPage(notFoundHtml(), URL)).toThrow(NotFoundError);
  });

  it.each([
    ['no script at all', '<html><body>hello</body></html>', 'No <script id="__NEXT_DATA__">'],
    ['invalid JSON', nextDataHtml({}).replace('{}', '{"props": '), 'not valid JSON'],
    ['no pageProps', nextDataHtml({ props: {} }), 'props.pageProps'],
    ['no state, other status', nextDataHtml(nextData({ status: 500 })), 'pageProps.status is 500'],
    ['no entity', nextDataHtml(nextData({ state: { data: {} } })), 'props.pageProps.state.data.entity'],
  ])('%s -> ParseError naming what is missing and the url', (_name, html, what) => {
    const error = captureError(() => readEmbedPage(html, URL));
    expect(error).toBeInstanceOf(ParseError);
    expect(error.message).toContain(what);
    expect(error.message).toContain(URL);
  });

  it.each([
    ['in pageProps, without a status', nextDataHtml(nextData({ forbiddenReason: 'GEO_RESTRICTED' }))],
    [
      'in the state, without an entity',
      nextDataHtml(nextData({ state: { data: { forbiddenReason: 'GEO_RESTRICTED' } } })),
    ],
  ])("forbiddenReason GEO_RESTRICTED %s is a NotFoundError: not in the client's country", (_name, html) => {
    const error = captureError(() => readEmbedPage(html, URL));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.message).toMatch(/not available in the client's country \("GEO_RESTRICTED"\)/);
  });

  it('reports a zod issue with its path and the page', () => {
    const track = parse('track', embedHtml(embedState(trackEntity())));
    const broken = { ...track, artists: [{ name: 7, id: null, uri: null }] };
    const error = captureError(() => validateModel(TrackSchema, broken, URL));
    expect(error).toBeInstanceOf(ParseError);
    expect(error.message).toContain('artists.0.name');
    expect(error.message).toContain(URL);
  });

  it('never lets an out-of-range number through: it becomes a sane value', () => {
    const track = parse('track', embedHtml(embedState(trackEntity({ duration: -5 }))));
    expect(track.durationMs).toBe(0);
  });

  it('rejects a page describing another type', () => {
    const html = embedHtml(embedState(listEntity('album', [])));
    expect(() => parse('track', html)).toThrow(/Expected a track .* describes an album/);
  });
});

describe('track', () => {
  it('maps every field the embed carries', () => {
    const track = parse(
      'track',
      embedHtml(embedState(trackEntity({ id: 'T'.repeat(22), uri: `spotify:track:${'T'.repeat(22)}` }))),
    );
    expect(track).toEqual({
      type: 'track',
      id: 'T'.repeat(22),
      uri: `spotify:track:${'T'.repeat(22)}`,
      url: `https://open.spotify.com/track/${'T'.repeat(22)}`,
      name: 'One More Time',
      durationMs: 320357,
      explicit: false,
      playable: true,
      previewUrl: 'https://p.scdn.co/mp3-preview/abc123',
      artists: [{ name: 'Daft Punk', id: '4tZwfgrHOc3mvqYlEYSvVi', uri: 'spotify:artist:4tZwfgrHOc3mvqYlEYSvVi' }],
      images: [
        { url: 'https://image-cdn-ak.spotifycdn.com/image/ab67616d00001e02', width: 300, height: 300 },
        { url: 'https://image-cdn-ak.spotifycdn.com/image/ab67616d00004851', width: 64, height: 64 },
        { url: 'https://image-cdn-ak.spotifycdn.com/image/ab67616d0000b273', width: 640, height: 640 },
      ],
      releaseDate: '2001-03-12T00:00:00Z',
      album: null,
      trackNumber: null,
      discNumber: null,
      playCount: null,
    });
    expect(JSON.parse(JSON.stringify(track))).toEqual(track);
  });

  it('reads explicit from contentRatings, coverArt.sources images, a missing preview', () => {
    const entity = trackEntity({
      isExplicit: undefined,
      contentRatings: { labels: ['EXPLICIT'] },
      visualIdentity: undefined,
      coverArt: {
        sources: [
          { url: 'https://i.scdn.co/image/a', width: 640, height: 640 },
          { url: 'https://i.scdn.co/image/b', width: null, height: null },
        ],
      },
      audioPreview: null,
      releaseDate: null,
    });
    const track = parse('track', embedHtml(embedState(entity)));
    expect(track.explicit).toBe(true);
    expect(track.images).toEqual([
      { url: 'https://i.scdn.co/image/a', width: 640, height: 640 },
      { url: 'https://i.scdn.co/image/b', width: null, height: null },
    ]);
    expect(track.previewUrl).toBeNull();
    expect(track.releaseDate).toBeNull();
  });
});

describe('lists', () => {
  it('album: every row, artists from subtitle with both separators, the album as each track album', () => {
    const rows = [row({ subtitle: 'A,\u00a0B' }), row({ subtitle: 'C, D', isExplicit: true }), restrictedRow()];
    const album = parse('album', embedHtml(embedState(listEntity('album', rows, { subtitle: 'Daft Punk' }))));
    expect(album.tracks).toHaveLength(3);
    expect(album.tracks[0]?.artists.map((a) => a.name)).toEqual(['A', 'B']);
    expect(album.tracks[1]?.artists.map((a) => a.name)).toEqual(['C', 'D']);
    expect(album.tracks[1]?.explicit).toBe(true);
    expect(album.tracks[0]?.album).toEqual({ id: album.id, uri: album.uri, name: album.name, images: album.images });
    expect(album.artists).toEqual([{ name: 'Daft Punk', id: null, uri: null }]);
    expect(album.label).toBeNull();
    expect(album.copyrights).toEqual([]);
  });

  it('keeps country-restricted rows with playable:false', () => {
    const artist = parse('artist', embedHtml(embedState(listEntity('artist', [row(), restrictedRow()]))));
    expect(artist.topTracks).toHaveLength(2);
    expect(artist.topTracks[1]).toMatchObject({ playable: false, name: '', durationMs: 0, previewUrl: null });
  });

  it('playlist: episodes as Episode items, owner from subtitle, maxTracks trims', () => {
    const rows = [row(), episodeRow(), row(), restrictedRow()];
    const html = embedHtml(embedState(listEntity('playlist', rows, { subtitle: 'Spotify' })));
    const playlist = parse('playlist', html);
    expect(playlist.tracks.map((item) => item.track.type)).toEqual(['track', 'episode', 'track', 'track']);
    expect(playlist.tracks[1]?.track).toMatchObject({ type: 'episode', show: null, hasVideo: false });
    expect(playlist.owner).toEqual({ name: 'Spotify', id: null, uri: null });
    expect(playlist.tracks[0]).toMatchObject({ addedAt: null, addedBy: null });
    const trimmed = parse('playlist', html, { limits: { maxTracks: 2, maxEpisodes: 0 } });
    expect(trimmed.tracks).toHaveLength(2);
  });
});

describe('episode and show', () => {
  it('episode: own images, explicit label, show from relatedEntityUri', () => {
    const episode = parse('episode', embedHtml(embedState(episodeEntity())));
    expect(episode.explicit).toBe(true);
    expect(episode.hasVideo).toBe(true);
    expect(episode.images[0]?.url).toContain('/image/ep');
    expect(episode.previewUrl).toBe('https://podz-content.spotifycdn.com/audio/clips/x/clip.mp3');
    expect(episode.show).toEqual({
      id: '4rOoJ6Egrf8K2IrywzwOMk',
      uri: 'spotify:show:4rOoJ6Egrf8K2IrywzwOMk',
      name: 'The Show',
      publisher: null,
      images: [
        { url: 'https://image-cdn-fa.spotifycdn.com/image/show640', width: 640, height: 640 },
        { url: 'https://image-cdn-fa.spotifycdn.com/image/show64', width: 64, height: 64 },
      ],
    });
  });

  it('show: built from the latest-episode embed', () => {
    const latest = episodeEntity();
    const html = embedHtml(embedState(latest, 'spotify:show:4rOoJ6Egrf8K2IrywzwOMk'));
    const show = parse('show', html, { limits: { maxTracks: 0, maxEpisodes: 50 } });
    expect(show).toMatchObject({ type: 'show', id: '4rOoJ6Egrf8K2IrywzwOMk', name: 'The Show', totalEpisodes: null });
    expect(show.images.map((image) => image.url)).toEqual([
      'https://image-cdn-fa.spotifycdn.com/image/show640',
      'https://image-cdn-fa.spotifycdn.com/image/show64',
    ]);
    expect(show.episodes).toHaveLength(1);
    expect(show.episodes[0]?.id).toBe(latest['id']);
    expect(parse('show', html, { limits: { maxTracks: 0, maxEpisodes: 0 } }).episodes).toEqual([]);
  });
});

function captureError(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}

describe('partner API playlist rows', () => {
  it('keeps a row without readable data as an unplayable placeholder, in place', () => {
    const ids = ['A'.repeat(22), 'B'.repeat(22)];
    const json = playlistPage('spotify:playlist:x', ids, 0, 2) as {
      data: { playlistV2: { content: { items: Json[] } } };
    };
    json.data.playlistV2.content.items.splice(1, 0, {
      uid: 'gone',
      itemV2: { __typename: 'NotFound', _uri: 'spotify:track:CCCCCCCCCCCCCCCCCCCCCC' },
    });
    const { page } = apiPlaylist(json.data.playlistV2, new Map());
    expect(page.items.map((item) => [item.track.id, item.track.playable])).toEqual([
      [ids[0], true],
      ['CCCCCCCCCCCCCCCCCCCCCC', false],
      [ids[1], true],
    ]);
    expect(PlaylistItemSchema.parse(page.items[1])).toBeTruthy();
  });
});
