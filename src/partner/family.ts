import type { ApiFamily } from '../http/authorized.js';
import type { StatusMap } from '../http/response-errors.js';

/** The partner API's statuses: a 404 is the endpoint failing, not the entity missing (that is a `NotFound` root). */
export const PARTNER_STATUS: StatusMap = Object.freeze({ name: 'the partner API', notFound: 'endpoint' });

/** The partner API (pathfinder): the anonymous embed token (or the account token) goes only here. */
export const PARTNER_FAMILY: ApiFamily = Object.freeze({
  name: 'the partner API',
  hosts: new Set(['api-partner.spotify.com']),
  headers: Object.freeze({ 'app-platform': 'WebPlayer', accept: 'application/json' }),
  statusMap: PARTNER_STATUS,
});
