/**
 * What the crawl takes from the library, through its public entry: one copy of the client and the
 * error classes whichever build loads them (the CommonJS build requires ./index.cjs here instead of
 * carrying a second copy, so `instanceof NotFoundError` holds across entry points).
 */
export {
  AsyncSpotifyClient,
  InvalidInputError,
  NotFoundError,
  RateLimitedError,
  SpotifyScraperError,
  parseSpotifyUrl,
} from '../index.js';
