/** The one response -> error factory: each family's reading of a failed status. */
import { describe, expect, it } from 'vitest';
import {
  ClientClosedError,
  HttpError,
  InvalidInputError,
  MediaError,
  NetworkError,
  NotFoundError,
  ParseError,
  RateLimitedError,
  SpotifyScraperError,
  TimeoutError,
} from '../../src/index.js';
import { MEDIA_STATUS, PAGE_STATUS, errorFromResponse, type StatusMap } from '../../src/http/response-errors.js';
import { PARTNER_STATUS } from '../../src/partner/family.js';

const URL_ = 'https://example.spotify.com/x';

describe('errorFromResponse', () => {
  it.each<[string, StatusMap, number, number | undefined, typeof SpotifyScraperError, RegExp]>([
    ['embed 404', PAGE_STATUS, 404, undefined, NotFoundError, /Not found \(HTTP 404\)/],
    ['embed 410', PAGE_STATUS, 410, undefined, NotFoundError, /HTTP 410/],
    ['partner 404 is the endpoint, not the entity', PARTNER_STATUS, 404, undefined, HttpError, /the endpoint is gone/],
    ['partner 410', PARTNER_STATUS, 410, undefined, HttpError, /gone/],
    ['media 404 is a file no longer served', MEDIA_STATUS, 404, undefined, NotFoundError, /no longer serves/],
    ['429 anywhere', PARTNER_STATUS, 429, 3000, RateLimitedError, /Rate limited/],
    ['503 with Retry-After', PAGE_STATUS, 503, 2000, HttpError, /HTTP 503/],
    ['403', MEDIA_STATUS, 403, undefined, HttpError, /HTTP 403/],
    ['400', PARTNER_STATUS, 400, undefined, HttpError, /HTTP 400/],
  ])('%s', (_name, map, status, retryAfterMs, type, message) => {
    const error = errorFromResponse(map, { url: URL_, status, retryAfterMs });
    expect(error).toBeInstanceOf(type);
    expect(error.constructor).toBe(type);
    expect(error.message).toMatch(message);
    expect(error).toMatchObject({ status, url: URL_ });
    if (error instanceof HttpError) expect(error.retryAfterMs).toBe(retryAfterMs);
  });

  it('a family may read a status its own way first', () => {
    const map: StatusMap = {
      name: 'x',
      notFound: 'entity',
      special: ({ status }) => (status === 403 ? new ParseError('mine') : undefined),
    };
    expect(errorFromResponse(map, { url: URL_, status: 403, retryAfterMs: undefined })).toBeInstanceOf(ParseError);
    expect(errorFromResponse(map, { url: URL_, status: 404, retryAfterMs: undefined })).toBeInstanceOf(NotFoundError);
  });
});

describe('error classes', () => {
  it.each<[typeof SpotifyScraperError, string, string]>([
    [SpotifyScraperError, 'SpotifyScraperError', 'ERR_SPOTIFY_SCRAPER'],
    [InvalidInputError, 'InvalidInputError', 'ERR_INVALID_INPUT'],
    [NotFoundError, 'NotFoundError', 'ERR_NOT_FOUND'],
    [NetworkError, 'NetworkError', 'ERR_NETWORK'],
    [TimeoutError, 'TimeoutError', 'TIMEOUT'],
    [HttpError, 'HttpError', 'ERR_HTTP'],
    [RateLimitedError, 'RateLimitedError', 'ERR_RATE_LIMITED'],
    [ParseError, 'ParseError', 'ERR_PARSE'],
    [MediaError, 'MediaError', 'ERR_MEDIA'],
    [ClientClosedError, 'ClientClosedError', 'ERR_CLIENT_CLOSED'],
  ])('%o has a literal name and a stable code', (type, name, code) => {
    const error = new type('m');
    expect(error.name).toBe(name);
    expect(error.code).toBe(code);
    expect(new type('m', { code: 'ECONNRESET' }).code).toBe('ECONNRESET');
  });
});
