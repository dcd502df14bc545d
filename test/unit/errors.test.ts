import { describe, expect, it } from 'vitest';
import {
  HttpError,
  NetworkError,
  NotFoundError,
  ParseError,
  RateLimitedError,
  SpotifyScraperError,
} from '../../src/index.js';

describe('error classes', () => {
  it('instanceof follows the tree', () => {
    const error = new RateLimitedError('slow', { retryAfterMs: 5 });
    for (const type of [RateLimitedError, HttpError, NetworkError, SpotifyScraperError, Error])
      expect(error).toBeInstanceOf(type);
    expect(error).not.toBeInstanceOf(NotFoundError);
    expect(error).not.toBeInstanceOf(ParseError);
    expect(new NotFoundError('x')).not.toBeInstanceOf(NetworkError);
  });

  it('an error from another copy of the library (the other build) is recognised by its kinds', () => {
    // What a copy's instance carries, without its prototype chain.
    const foreign = Object.assign(new Error('from the CommonJS build'), {
      [Symbol.for('spotify-scraper.error-kinds')]: ['HttpError', 'NetworkError', 'SpotifyScraperError'],
    });
    expect(foreign instanceof HttpError).toBe(true);
    expect(foreign instanceof SpotifyScraperError).toBe(true);
    expect(foreign instanceof RateLimitedError).toBe(false);
    expect(foreign instanceof NotFoundError).toBe(false);
    expect({} instanceof SpotifyScraperError).toBe(false);
    expect((null as unknown as object) instanceof SpotifyScraperError).toBe(false);
  });
});
