import { HttpError } from '../errors.js';
import type { ApiFamily } from '../http/authorized.js';
import { clip } from '../redact.js';
import type { FailedResponse, StatusMap } from '../http/response-errors.js';

/** The codes of the answers that are not failures to retry but steps of healing (SPEC §9; http/retry.ts retries none of them). */
export const REFUSAL_CODES = Object.freeze({
  /** v2 412: the hash is refused. */
  hash: 'HASH_REFUSED',
  /** v1 refuses the endpoint: 404/410, an HTML 403 edge page without Retry-After, an unexplained 400. */
  endpoint: Object.freeze(['ENDPOINT_GONE', 'EDGE_REFUSED', 'BAD_REQUEST']) as readonly string[],
  /** v2 asks for a client token: a 400 with a client-token-error header, or a 403. */
  clientToken: 'CLIENT_TOKEN_REQUIRED',
});

const header = (response: FailedResponse, name: string): string | undefined => {
  const value = response.headers?.[name];
  return Array.isArray(value) ? value[0] : value;
};

function refusal(response: FailedResponse, code: string, why: string): HttpError {
  const { url, status, retryAfterMs } = response;
  return new HttpError(`The partner API answered HTTP ${status} (${why}): ${clip(url)}`, {
    url,
    status,
    retryAfterMs,
    code,
  });
}

/** v1: a 404 is the endpoint failing, not the entity missing (that is a `NotFound` root). */
export const PARTNER_STATUS: StatusMap = Object.freeze({
  name: 'the partner API',
  notFound: 'endpoint',
  special: (response: FailedResponse) => {
    const { status } = response;
    if (status === 404 || status === 410) return refusal(response, 'ENDPOINT_GONE', 'the endpoint is gone');
    const html = /text\/html/i.test(header(response, 'content-type') ?? '');
    if (status === 403 && html && response.retryAfterMs === undefined)
      return refusal(response, 'EDGE_REFUSED', 'an edge page refused it');
    if (status === 400) return refusal(response, 'BAD_REQUEST', 'refused without a reason');
    return undefined;
  },
});

/** v2: 412 refuses the hash; a 400 with client-token-error, or a 403, asks for a client token. */
export const PARTNER_V2_STATUS: StatusMap = Object.freeze({
  name: 'the partner API (v2)',
  notFound: 'endpoint',
  special: (response: FailedResponse) => {
    const { status } = response;
    if (status === 412) return refusal(response, REFUSAL_CODES.hash, 'invalid query hash');
    if ((status === 400 && header(response, 'client-token-error') !== undefined) || status === 403)
      return refusal(response, REFUSAL_CODES.clientToken, 'a client token is needed');
    if (status === 404 || status === 410) return refusal(response, 'ENDPOINT_GONE', 'the endpoint is gone');
    return undefined;
  },
});

const PARTNER_HOSTS = new Set(['api-partner.spotify.com']);
const PARTNER_HEADERS = Object.freeze({ 'app-platform': 'WebPlayer', accept: 'application/json' });

/** The partner API (pathfinder v1): the anonymous embed token (or the account token) goes only here. */
export const PARTNER_FAMILY: ApiFamily = Object.freeze({
  name: 'the partner API',
  hosts: PARTNER_HOSTS,
  headers: PARTNER_HEADERS,
  statusMap: PARTNER_STATUS,
});

/** pathfinder v2: the same host and token, its own status map. */
export const PARTNER_V2_FAMILY: ApiFamily = Object.freeze({
  name: 'the partner API (v2)',
  hosts: PARTNER_HOSTS,
  headers: PARTNER_HEADERS,
  statusMap: PARTNER_V2_STATUS,
});
