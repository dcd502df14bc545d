/**
 * Builds embed pages in the shape Spotify serves them (SPEC §3), so tests never need captured pages.
 * Entities are plain objects; `embedHtml` wraps a state in either page format.
 */
export type Json = Record<string, unknown>;

export const TOKEN = 'BQD-test-token-0123456789abcdefghijklmnop';

let counter = 0;
/** A fresh, valid 22-character base62 id. */
export function newId(prefix = 'x'): string {
  counter += 1;
  // The counter is padded first: padding after it would make `x1` and `x10` the same id.
  const body = `${prefix.slice(0, 10)}${counter.toString(36).padStart(6, '0')}`.replace(/[^0-9A-Za-z]/g, 'z');
  return body.padEnd(22, 'Z').slice(0, 22);
}

export function visualImages(base = 'https://image-cdn-ak.spotifycdn.com/image/ab67616d'): Json[] {
  return [
    { url: `${base}00001e02`, maxWidth: 300, maxHeight: 300 },
    { url: `${base}00004851`, maxWidth: 64, maxHeight: 64 },
    { url: `${base}0000b273`, maxWidth: 640, maxHeight: 640 },
  ];
}

export function trackEntity(overrides: Json = {}): Json {
  const id = (overrides['id'] as string | undefined) ?? newId('t');
  return {
    type: 'track',
    id,
    uri: `spotify:track:${id}`,
    name: 'One More Time',
    title: 'One More Time',
    artists: [{ name: 'Daft Punk', uri: 'spotify:artist:4tZwfgrHOc3mvqYlEYSvVi' }],
    releaseDate: { isoString: '2001-03-12T00:00:00Z' },
    duration: 320357,
    isPlayable: true,
    playabilityReason: 'PLAYABLE',
    isExplicit: false,
    contentRatings: { labels: [] },
    audioPreview: { url: 'https://p.scdn.co/mp3-preview/abc123' },
    hasVideo: false,
    visualIdentity: { image: visualImages() },
    ...overrides,
  };
}

/** A `trackList` row as album, artist and playlist embeds list them. */
export function row(overrides: Json = {}): Json {
  const id = newId('r');
  return {
    uri: `spotify:track:${id}`,
    uid: `uid${id}`,
    title: `Song ${id}`,
    subtitle: 'Artist A,\u00a0Artist B',
    duration: 200000,
    isExplicit: false,
    isPlayable: true,
    playabilityReason: 'PLAYABLE',
    entityType: 'track',
    audioPreview: { url: `https://p.scdn.co/mp3-preview/${id}`, format: 'MP3_96' },
    ...overrides,
  };
}

/** A row Spotify lists but cannot play in the caller's country. */
export function restrictedRow(): Json {
  return row({
    title: '',
    duration: 0,
    isPlayable: false,
    playabilityReason: 'COUNTRY_RESTRICTED',
    audioPreview: null,
  });
}

export function episodeRow(overrides: Json = {}): Json {
  const id = newId('e');
  return row({
    uri: `spotify:episode:${id}`,
    entityType: 'episode',
    title: `Episode ${id}`,
    subtitle: 'A Show',
    ...overrides,
  });
}

export function listEntity(type: 'album' | 'artist' | 'playlist', rows: Json[], overrides: Json = {}): Json {
  const id = (overrides['id'] as string | undefined) ?? newId(type[0]);
  return {
    type,
    id,
    uri: `spotify:${type}:${id}`,
    name: `A ${type}`,
    title: `A ${type}`,
    subtitle: type === 'artist' ? 'Top tracks' : 'Daft Punk',
    duration: 0,
    isPlayable: true,
    releaseDate: null,
    visualIdentity: { image: visualImages() },
    trackList: rows,
    ...overrides,
  };
}

export function episodeEntity(overrides: Json = {}): Json {
  const id = (overrides['id'] as string | undefined) ?? newId('e');
  return {
    type: 'episode',
    id,
    uri: `spotify:episode:${id}`,
    name: '#2512 - Guest',
    title: '#2512 - Guest',
    subtitle: 'The Show',
    duration: 9992617,
    isPlayable: true,
    isExplicit: false,
    contentRatings: { labels: ['EXPLICIT'] },
    hasVideo: true,
    releaseDate: { isoString: '2026-06-10T17:00:00Z' },
    audioPreview: { url: 'https://podz-content.spotifycdn.com/audio/clips/x/clip.mp3' },
    relatedEntityUri: 'spotify:show:4rOoJ6Egrf8K2IrywzwOMk',
    relatedEntityCoverArt: [
      { url: 'https://image-cdn-fa.spotifycdn.com/image/show640', maxWidth: 640, maxHeight: 640 },
      { url: 'https://image-cdn-fa.spotifycdn.com/image/show64', maxWidth: 64, maxHeight: 64 },
    ],
    visualIdentity: { image: visualImages('https://image-cdn-fa.spotifycdn.com/image/ep') },
    ...overrides,
  };
}

/** The `{data, settings}` state every embed page carries. */
export function embedState(entity: Json, entityUri?: string): Json {
  return {
    data: { entity, embeded_entity_uri: entityUri ?? entity['uri'] },
    settings: {
      session: { accessToken: TOKEN, accessTokenExpirationTimestampMs: 1_900_000_000_000, isAnonymous: true },
    },
  };
}

export interface PageStyle {
  /** 'next-data' (2023 on) or 'initial-state' (2022-2023, base64). @default 'next-data' */
  format?: 'next-data' | 'initial-state';
  /** Put `type` before `id`, add a nonce, pretty-print, prefix a BOM... */
  attributes?: string;
  pretty?: boolean;
  bom?: boolean;
}

export function nextData(pageProps: Json): Json {
  return { props: { pageProps, __N_SSP: true }, page: '/x/[id]', query: {}, buildId: 'b', isFallback: false };
}

export function embedHtml(state: Json, style: PageStyle = {}): string {
  if (style.format === 'initial-state') {
    const base64 = Buffer.from(JSON.stringify(state)).toString('base64');
    return page(`<script id="initial-state" type="text/plain">${base64}</script>`);
  }
  return nextDataHtml(nextData({ state }), style);
}

export function nextDataHtml(json: Json, style: PageStyle = {}): string {
  const body = (style.bom ? '\ufeff' : '') + JSON.stringify(json, null, style.pretty ? 2 : undefined);
  const attributes = style.attributes ?? 'id="__NEXT_DATA__" type="application/json"';
  return page(`<script ${attributes}>${body}</script>`);
}

/** Spotify's "Page not found" embed: `pageProps.status: 404`, no state. */
export function notFoundHtml(): string {
  return nextDataHtml(
    nextData({ status: 404, title: 'Page not found', description: 'We can’t seem to find the page.' }),
  );
}

const CDN = 'https://embed-cdn.spotifycdn.com/_next/static';
const CHUNKS = [
  'polyfills',
  'webpack',
  'framework',
  'main',
  'pages/_app',
  'c4f29680',
  '956ba4ca',
  '6949',
  '3826',
  '5542',
  '5947',
  'pages/x/[id]',
];

/** The markup around the data, as Spotify's embed pages carry it: meta tags, styles, a dozen scripts. */
function page(script: string): string {
  const head = [
    '<meta charSet="utf-8" data-next-head=""/><meta name="viewport" content="width=device-width" data-next-head=""/>',
    '<title data-next-head=""></title><link rel="icon" href="/favicon.ico" data-next-head=""/>',
    ...['7914bff56eb925e2', '191172de3373b3e8', 'e8185b030cc1b49f'].map(
      (css) =>
        `<link rel="preload" href="${CDN}/css/${css}.css" as="style"/><link rel="stylesheet" href="${CDN}/css/${css}.css" data-n-g=""/>`,
    ),
    '<meta name="sentry-trace" content="0305a8e495daa808e605a2e1eface538-e3e78db1928d0cf6-0"/>',
    '<noscript data-n-css=""></noscript>',
    ...CHUNKS.map(
      (chunk, i) =>
        `<script src="${CDN}/chunks/${chunk}-${(i * 7919).toString(16).padStart(16, '0')}.js" defer=""></script>`,
    ),
  ].join('');
  return `<!DOCTYPE html><html lang="en"><head>${head}</head><body><div id="__next"><div class="EmbedWidget"><div style="--background:#303040"></div></div></div>${script}</body></html>`;
}
