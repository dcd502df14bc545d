import { AccountMethods } from './client/account-methods.js';

/**
 * Reads public Spotify metadata from the pages Spotify serves for embeds (and the partner API those
 * pages use), behind a per-host rate limiter and a retry policy. One client shares one connection pool:
 * create it once, use it for many calls, close it (or `await using` it) when done.
 *
 * Every method rejects with an `InvalidInputError` for a bad value or option (before any request), a
 * `NetworkError` (`TimeoutError`, `HttpError`, `RateLimitedError`) when a request fails after its
 * retries, a `ParseError` when an answer is not as expected (a rotated hash names the `operations` key
 * to override), and a `ClientClosedError` once the client is closed. A value is a bare id, a
 * `spotify:TYPE:` URI, an open.spotify.com URL or a `spotify.link` short link. Options: `signal` to
 * cancel, `fresh` to skip the cache, and each method's own.
 *
 * The methods come in families, one file each under `client/`: the wiring and life of a client
 * (`ClientCore`), the entity getters with their batches and downloads, discovery, the account.
 */
export class AsyncSpotifyClient extends AccountMethods {}
