import { HttpError, NotFoundError, RateLimitedError, type SpotifyScraperError } from '../errors.js';
import { clip } from '../redact.js';

/** A response that was not a success, as the error factory reads it. */
export interface FailedResponse {
  url: string;
  status: number;
  /** The wait the server asked for (`Retry-After`), in ms, when it gave one. */
  retryAfterMs: number | undefined;
  headers?: Readonly<Record<string, string | string[] | undefined>> | undefined;
  /** The start of the body, for a family that reads it (`readsBody`). */
  body?: string | undefined;
}

/**
 * How one API family reads a failed status. Families differ on 404/410: for an embed page or a short
 * link it is the entity that is missing; for an API it is the endpoint that is gone (an HttpError, so
 * the caller can fall back), and for a media host it is the file that is no longer served.
 */
export interface StatusMap {
  /** The family's name in messages: "the partner API", "an embed page". */
  readonly name: string;
  /** What a 404/410 means. */
  readonly notFound: 'entity' | 'endpoint' | 'file';
  /** A family's own reading of a status before the common one (undefined = the common one applies). */
  readonly special?: ((response: FailedResponse) => SpotifyScraperError | undefined) | undefined;
  /** Whether `special` reads the start of the body (a plain-text error, an edge page). */
  readonly readsBody?: boolean | undefined;
}

/** Embed pages and the pages of open.spotify.com: a 404 is an entity Spotify does not have. */
export const PAGE_STATUS: StatusMap = Object.freeze({ name: 'Spotify', notFound: 'entity' });

/** Cover and preview hosts: a 404 is a file the host no longer serves. */
export const MEDIA_STATUS: StatusMap = Object.freeze({ name: 'the media host', notFound: 'file' });

/**
 * The one response -> error factory: a failed status becomes the error of its family's map. Every
 * HttpError carries `retryAfterMs` when the answer had a Retry-After; a 429 is a RateLimitedError.
 */
export function errorFromResponse(map: StatusMap, response: FailedResponse): SpotifyScraperError {
  const missing = notInCapture(response);
  if (missing) return missing;
  const special = map.special?.(response);
  if (special) return special;
  const { url, status, retryAfterMs } = response;
  const details = { url, status, retryAfterMs };
  if (status === 404 || status === 410) {
    switch (map.notFound) {
      case 'entity':
        return new NotFoundError(`Not found (HTTP ${status}): ${clip(url)}`, details);
      case 'file':
        return new NotFoundError(`${capitalised(map.name)} no longer serves ${clip(url)} (HTTP ${status})`, details);
      case 'endpoint':
        return new HttpError(
          `${capitalised(map.name)} answered HTTP ${status}: the endpoint ${clip(url)} is gone`,
          details,
        );
    }
  }
  if (status === 429)
    return new RateLimitedError(`Rate limited (HTTP 429) by ${clip(new URL(url).host, 100)}`, details);
  return new HttpError(`HTTP ${status} from ${clip(url)}`, details);
}

/**
 * The header a replaying fake Spotify (`startFakeSpotify({ replay })`) sets on a request its capture
 * has no answer for; its value says which. Whatever the family, that is said as it is: no healing, no
 * retry, no advice about rotated hashes.
 */
export const NOT_IN_CAPTURE_HEADER = 'x-spotify-scraper-not-in-capture';

function notInCapture(response: FailedResponse): HttpError | undefined {
  const value = response.headers?.[NOT_IN_CAPTURE_HEADER];
  const what = Array.isArray(value) ? value[0] : value;
  if (what === undefined) return undefined;
  return new HttpError(`This capture has no answer for ${clip(what, 300)}: record one that makes this call`, {
    url: response.url,
    status: response.status,
    code: 'NOT_IN_CAPTURE',
  });
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
