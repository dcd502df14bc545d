import { AuthenticationError, NotFoundError } from '../errors.js';
import type { ApiFamily } from '../http/authorized.js';
import type { FailedResponse, StatusMap } from '../http/response-errors.js';
import { clip } from '../redact.js';

export const SPCLIENT = 'https://spclient.wg.spotify.com';

/**
 * spclient's statuses: errors come as plain text, not JSON. A 403 "rbac: access denied" is a token
 * that is not an account's (not retried); a 404 is nothing for that id (no lyrics, no transcript).
 */
export const SPCLIENT_STATUS: StatusMap = Object.freeze({
  name: 'spclient',
  notFound: 'entity',
  readsBody: true,
  special: (response: FailedResponse) => {
    const { status, url } = response;
    if (status === 403 && /rbac/i.test(response.body ?? ''))
      return new AuthenticationError(
        `spclient refused the token (HTTP 403, "rbac: access denied"): this needs an account token, from the cookies option`,
        { url, status },
      );
    if (status === 404)
      return new NotFoundError(`spclient has nothing for this id (HTTP 404): ${clip(url)}`, { url, status });
    return undefined;
  },
});

/** spclient: the account token goes here (and to the partner API), nowhere else; its own rate-limit bucket (its host). */
export const SPCLIENT_FAMILY: ApiFamily = Object.freeze({
  name: 'spclient',
  hosts: new Set(['spclient.wg.spotify.com']),
  headers: Object.freeze({ 'app-platform': 'WebPlayer', accept: 'application/json' }),
  statusMap: SPCLIENT_STATUS,
});
