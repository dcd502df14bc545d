import { describe, expect, it } from 'vitest';
import {
  HttpError,
  InvalidInputError,
  NetworkError,
  NotFoundError,
  ParseError,
  RateLimitedError,
  RetryPolicy,
  TimeoutError,
} from '../../src/index.js';
import { isRetryable } from '../../src/http/retry.js';

describe('RetryPolicy', () => {
  it('has the documented defaults and is immutable', () => {
    const policy = new RetryPolicy();
    expect(policy).toMatchObject({ maxAttempts: 4, baseDelayMs: 500, maxDelayMs: 30_000 });
    expect(Object.isFrozen(policy)).toBe(true);
  });

  it('backs off exponentially, capped, with up to 25 % jitter', () => {
    const policy = new RetryPolicy({ maxAttempts: 10, baseDelayMs: 500, maxDelayMs: 3000 });
    expect([1, 2, 3, 4, 5].map((n) => policy.backoffMs(n, () => 0))).toEqual([500, 1000, 2000, 3000, 3000]);
    expect([1, 2, 3, 4].map((n) => policy.backoffMs(n, () => 1))).toEqual([625, 1250, 2500, 3750]);
  });

  it.each([
    [{ maxAttempts: 0 }, 'maxAttempts'],
    [{ maxAttempts: 1.5 }, 'maxAttempts'],
    [{ baseDelayMs: -1 }, 'baseDelayMs'],
    [{ maxDelayMs: Number.NaN }, 'maxDelayMs'],
    [{ baseDelayMs: 1000, maxDelayMs: 10 }, 'maxDelayMs'],
  ])('rejects %j naming the field', (settings, field) => {
    expect(() => new RetryPolicy(settings)).toThrow(InvalidInputError);
    expect(() => new RetryPolicy(settings)).toThrow(field);
  });
});

describe('isRetryable', () => {
  it.each([
    [new RateLimitedError('429', { status: 429 }), true],
    [new HttpError('403', { status: 403 }), true],
    [new HttpError('500', { status: 500 }), true],
    [new HttpError('503', { status: 503 }), true],
    [new NetworkError('reset', { code: 'ECONNRESET' }), true],
    [new NetworkError('refused', { code: 'ECONNREFUSED' }), true],
    [new NetworkError('headers', { code: 'UND_ERR_HEADERS_TIMEOUT' }), true],
    [new TimeoutError('slow', { code: 'TIMEOUT' }), true],
    [new NotFoundError('404', { status: 404 }), false],
    [new HttpError('400', { status: 400 }), false],
    [new HttpError('401', { status: 401 }), false],
    [new NetworkError('too big', { code: 'BODY_TOO_LARGE' }), false],
    [new NetworkError('dns', { code: 'ENOTFOUND' }), false],
    [new ParseError('bad page'), false],
  ])('%s -> %s', (error, expected) => {
    expect(isRetryable(error)).toBe(expected);
  });
});
