/** Bad arguments are InvalidInputErrors, up front: never a TypeError, a URIError, or a client that fails every call. */
import { describe, expect, it } from 'vitest';
import { AsyncSpotifyClient, InvalidInputError } from '../../src/index.js';

const ID = '4uLU6hMCjMI75M1A2tKUQC';

describe('construction', () => {
  it.each<[string, () => unknown]>([
    ['a null options object', () => new AsyncSpotifyClient(null as never)],
    [
      'a malformed %-escape in the proxy password',
      () => new AsyncSpotifyClient({ proxy: 'http://user:%E0%A4%A@127.0.0.1:9' }),
    ],
    ['CR/LF in a header value', () => new AsyncSpotifyClient({ headers: { 'x-a': 'b\r\nInjected: 1' } })],
    ['a header name with a space', () => new AsyncSpotifyClient({ headers: { 'x a': 'b' } })],
    ['a NUL in the user agent', () => new AsyncSpotifyClient({ userAgent: 'agent\u0000' })],
    ['headers that are not an object', () => new AsyncSpotifyClient({ headers: 'x' as never })],
  ])('%s', (_name, build) => {
    expect(build).toThrow(InvalidInputError);
  });

  it('the proxy credential is not quoted in the error', () => {
    expect(() => new AsyncSpotifyClient({ proxy: 'http://user:s3cr%E0t@127.0.0.1:9' })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('s3cr') }),
    );
  });
});

describe('per-call options', () => {
  const client = new AsyncSpotifyClient({ rateLimit: false, retry: false });
  it.each<[string, () => Promise<unknown>]>([
    ['getTrack with null options', () => client.getTrack(ID, null as never)],
    ['getPlaylist with null options', () => client.getPlaylist(ID, null as never)],
    ['getShow with a string for options', () => client.getShow(ID, 'x' as never)],
    ['getTrack with {} as signal', () => client.getTrack(ID, { signal: {} as AbortSignal })],
    ['search with {} as signal', () => client.search('x', { signal: {} as AbortSignal })],
    ['getTracks with null options', () => client.getTracks([ID], null as never)],
    ['getPlaylists with null options', () => client.getPlaylists([ID], null as never)],
    ['getTracks with {} as signal', () => client.getTracks([ID], { signal: {} as AbortSignal })],
    ['downloadCover with null options', () => client.downloadCover({} as never, '/tmp', null as never)],
  ])('%s', async (_name, call) => {
    await expect(call()).rejects.toBeInstanceOf(InvalidInputError);
  });
});

describe('unknown per-call options', () => {
  const client = new AsyncSpotifyClient({ rateLimit: false, retry: false });
  it.each<[string, () => Promise<unknown>, string]>([
    ['getPlaylist({ maxTrack })', () => client.getPlaylist(ID, { maxTrack: 5 } as never), 'maxTracks'],
    ['getTrack({ maxTracks })', () => client.getTrack(ID, { maxTracks: 5 } as never), 'fresh'],
    ['search({ type })', () => client.search('x', { type: 'track' } as never), 'types'],
    ['getTracks({ concurency })', () => client.getTracks([ID], { concurency: 2 } as never), 'concurrency'],
    [
      'downloadCover({ fresh })',
      () => client.downloadCover({} as never, '/tmp', { fresh: true } as never),
      'overwrite',
    ],
    ['resolve({ fresh })', () => client.resolve(ID, { fresh: true } as never), 'signal'],
  ])('%s is refused, listing the known ones', async (_name, call, known) => {
    const error = await call().then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as Error).message).toMatch(/unknown option/);
    expect((error as Error).message).toContain(known);
    expect((error as InvalidInputError).option).toBeTypeOf('string');
  });

  it('options given as undefined are the defaults', async () => {
    const spy = new AsyncSpotifyClient({ rateLimit: false, retry: false, timeout: undefined });
    // Checked before any request: an invalid id, with every option undefined, fails only on the id.
    await expect(spy.getPlaylist('bad', { maxTracks: undefined, signal: undefined, fresh: undefined })).rejects.toThrow(
      /Not a Spotify id/,
    );
    await spy.close();
  });
});

describe('defaults and option names, stated once', () => {
  it('one frozen table, read by RateLimit and RetryPolicy', async () => {
    const { DEFAULTS, RateLimit, RetryPolicy } = await import('../../src/index.js');
    expect(Object.isFrozen(DEFAULTS) && Object.isFrozen(DEFAULTS.retry) && Object.isFrozen(DEFAULTS.rateLimit)).toBe(
      true,
    );
    expect({ ...new RetryPolicy() }).toEqual(DEFAULTS.retry);
    expect(new RateLimit({ perSecond: 1 }).burst).toBe(DEFAULTS.rateLimit.burst);
    expect({ ...new RateLimit() }).toEqual(DEFAULTS.rateLimit);
    expect(DEFAULTS).toMatchObject({ maxTracks: 100, maxEpisodes: 50, searchLimit: 20, similarAlbumsLimit: 10 });
  });

  it.each<[string, () => unknown, string]>([
    ['timeout', () => new AsyncSpotifyClient({ timeout: 0 }), 'timeout'],
    [
      'rateLimit.perSecond',
      () => new AsyncSpotifyClient({ rateLimit: { perSecond: -1, burst: 1 } }),
      'rateLimit.perSecond',
    ],
    ['retry.maxAttempts', () => new AsyncSpotifyClient({ retry: { maxAttempts: 0 } }), 'retry.maxAttempts'],
    ['locale', () => new AsyncSpotifyClient({ locale: '!!' }), 'locale'],
    ['cache.ttlMs', () => new AsyncSpotifyClient({ cache: { ttlMs: -1 } }), 'cache.ttlMs'],
    ['fleet.workers', () => new AsyncSpotifyClient({ fleet: { redis: 'redis://x', workers: 0 } }), 'fleet.workers'],
  ])('an InvalidInputError names the option: %s', (_name, build, option) => {
    let error: unknown;
    try {
      build();
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error).toMatchObject({ option });
    expect((error as InvalidInputError).message).toBe(`options.${option} ${(error as InvalidInputError).detail}`);
  });

  it('a per-call option too', async () => {
    const client = new AsyncSpotifyClient({ rateLimit: false });
    await expect(client.getPlaylist(ID, { maxTracks: -1 })).rejects.toMatchObject({ option: 'maxTracks' });
    await expect(client.search('x', { limit: 0 })).rejects.toMatchObject({ option: 'limit' });
    await client.close();
  });
});

describe('bad input that used to crash or throw the wrong class', () => {
  it.each<[string, () => unknown]>([
    [
      'a fleet Redis URL whose path is not a database number',
      () => new AsyncSpotifyClient({ fleet: { redis: 'redis://127.0.0.1:6379/abc' } }),
    ],
    [
      'a fleet Redis URL with a bad %-escape in its password',
      () => new AsyncSpotifyClient({ fleet: { redis: 'redis://u:%E0%A4%A@127.0.0.1:6379' } }),
    ],
  ])('%s is an InvalidInputError at construction', (_name, build) => {
    expect(build).toThrow(InvalidInputError);
  });

  it('a search query with a lone surrogate, an image url that is not a string: InvalidInputError, no request', async () => {
    const client = new AsyncSpotifyClient({
      rateLimit: false,
      retry: false,
      dispatcher: {
        dispatch: () => {
          throw new Error('no request may be made');
        },
      } as never,
    });
    await expect(client.search('abc \ud800 def')).rejects.toBeInstanceOf(InvalidInputError);
    await expect(client.getColors({ images: [{ url: 42, width: 1, height: 1 }] } as never)).rejects.toBeInstanceOf(
      InvalidInputError,
    );
    await expect(client.getColors({ images: [null] } as never)).rejects.toBeInstanceOf(InvalidInputError);
    await client.close();
  });
});
