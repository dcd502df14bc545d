import { DEFAULTS } from '../defaults.js';
import { ParseError } from '../errors.js';
import type { HttpClient } from '../http/http-client.js';
import { readText } from '../http/transport.js';
import { scanScriptText } from '../parse/script-scan.js';

/** The web player's page: where its bundles and its `appServerConfig` are. */
export const WEB_PLAYER_URL = 'https://open.spotify.com/';

/** The web player's bundle hosts (a build, and an experiment host). */
const BUNDLE =
  /https:\/\/open(?:-exp)?\.spotifycdn\.com\/cdn\/build\/web-player\/(?:vendor~)?web-player\.[0-9a-f]{6,64}\.js/g;

/** Bundles read from one page at most: the main one and the vendor one (a page naming hundreds is not followed). */
const MAX_BUNDLES = 3;

export interface WebPlayerPage {
  /** The main bundles, the `web-player.<hex>.js` first, then `vendor~web-player.<hex>.js`; at most MAX_BUNDLES. */
  bundles: string[];
  /** `appServerConfig.clientVersion`, for the client token. */
  clientVersion: string | undefined;
}

/** The bundle file names and the client version in the page's HTML. */
export function readWebPlayerPage(html: string): WebPlayerPage {
  const bundles = [...new Set([...html.matchAll(BUNDLE)].map((match) => match[0]))]
    .sort((a, b) => Number(a.includes('vendor~')) - Number(b.includes('vendor~')))
    .slice(0, MAX_BUNDLES);
  return { bundles, clientVersion: readClientVersion(html) };
}

function readClientVersion(html: string): string | undefined {
  const text = scanScriptText(html, 'appServerConfig');
  if (text === null) return undefined;
  try {
    const config = JSON.parse(Buffer.from(text.trim(), 'base64').toString('utf8')) as { clientVersion?: unknown };
    return typeof config.clientVersion === 'string' && config.clientVersion !== '' ? config.clientVersion : undefined;
  } catch {
    return undefined;
  }
}

/**
 * GETs the web player's page with a desktop browser's User-Agent (a mobile one gets a bundle without
 * the queries), whatever `userAgent` the client has.
 */
export async function fetchWebPlayerPage(
  http: HttpClient,
  maxBytes: number,
  signal?: AbortSignal,
): Promise<WebPlayerPage> {
  const html = await fetchText(http, WEB_PLAYER_URL, maxBytes, signal, 'text/html');
  const page = readWebPlayerPage(html);
  if (page.bundles.length === 0)
    throw new ParseError(`The web player's page ${WEB_PLAYER_URL} names no web-player bundle`, { url: WEB_PLAYER_URL });
  return page;
}

/** A text resource of the web player (its page, a bundle, a route chunk), as a desktop browser asks for it. */
export function fetchText(
  http: HttpClient,
  url: string,
  maxBytes: number,
  signal: AbortSignal | undefined,
  accept = '*/*',
): Promise<string> {
  return http.get(url, {
    signal,
    headers: { 'user-agent': DEFAULTS.userAgent, accept },
    consume: (response) => readText(response, maxBytes),
  });
}

/** A bundle's file name, as messages name it: `web-player.246acca4.js`. */
export function fileOf(url: string): string {
  return url.slice(url.lastIndexOf('/') + 1);
}
