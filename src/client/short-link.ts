import { NotFoundError } from '../errors.js';
import type { HttpClient } from '../http/http-client.js';
import { readCapped } from '../http/transport.js';
import { isShortLink, parseSpotifyUrl, type SpotifyRef } from '../input.js';
import { ENTITY_TYPES, type EntityType } from '../models/entities.js';
import { quote } from '../redact.js';

const LANDING_HOST = 'open.spotify.com';
const LANDING_URL = new RegExp(
  `https://open\\.spotify\\.com/(?:intl-[a-z-]+/)?(?:${ENTITY_TYPES.join('|')})/[0-9A-Za-z]{22}`,
);

/**
 * Resolves a `spotify.link/...` short link by following its redirects (Spotify hosts only) until one
 * points at open.spotify.com, which is returned without being fetched. A link answered with a page
 * instead of a redirect is searched for the open.spotify.com URL it links to.
 */
export async function resolveShortLink(
  http: HttpClient,
  link: string,
  signal?: AbortSignal,
): Promise<string | undefined> {
  const url = /^https?:\/\//i.test(link) ? link : `https://${link}`;
  return http.get<string | undefined>(url, {
    signal,
    landed: (to) => (to.hostname === LANDING_HOST ? to.href : undefined),
    consume: async (response) => {
      const body = await readCapped(response.body, 2_000_000, url);
      return LANDING_URL.exec(body.toString('utf8'))?.[0];
    },
  });
}

/** The value itself, or for a short link the open.spotify.com URL it leads to (one request). */
async function landing(http: HttpClient, value: string, signal: AbortSignal | undefined): Promise<string> {
  if (typeof value !== 'string' || !isShortLink(value)) return value;
  const landed = await resolveShortLink(http, value.trim(), signal);
  if (landed === undefined) throw new NotFoundError(`The short link ${quote(value.trim())} leads to no Spotify entity`);
  return landed;
}

/** A value's id for a call of `type`: parsed, or (for a short link) resolved with one request first. */
export function resolveId(
  http: HttpClient,
  type: EntityType,
  value: string,
  signal: AbortSignal | undefined,
): Promise<string> | string {
  // Only a short link needs a request: anything else is parsed at once (or throws at once).
  if (typeof value !== 'string' || !isShortLink(value)) return parseSpotifyUrl(value, type).id;
  return landing(http, value, signal).then((landed) => parseSpotifyUrl(landed, type).id);
}

/** A value's type and id; a short link is resolved with one request (its type is then known). */
export async function resolveRef(
  http: HttpClient,
  value: string,
  signal: AbortSignal | undefined,
): Promise<SpotifyRef> {
  return parseSpotifyUrl(await landing(http, value, signal));
}
