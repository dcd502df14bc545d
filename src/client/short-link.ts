import type { HttpClient } from '../http/http-client.js';
import { readCapped } from '../http/transport.js';
import { ENTITY_TYPES } from '../models/entities.js';

const LANDING_HOST = 'open.spotify.com';
const LANDING_URL = new RegExp(`https://open\\.spotify\\.com/(?:intl-[a-z-]+/)?(?:${ENTITY_TYPES.join('|')})/[0-9A-Za-z]{22}`);

/**
 * Resolves a `spotify.link/...` short link by following its redirects (Spotify hosts only) until one
 * points at open.spotify.com, which is returned without being fetched. A link answered with a page
 * instead of a redirect is searched for the open.spotify.com URL it links to.
 */
export async function resolveShortLink(http: HttpClient, link: string, signal?: AbortSignal): Promise<string | undefined> {
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
