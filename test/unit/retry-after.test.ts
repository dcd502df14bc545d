import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from '../../src/http/retry-after.js';

const NOW = Date.parse('2026-11-24T12:00:00Z');

describe('parseRetryAfter', () => {
  it.each([
    ['0', 0],
    ['3', 3000],
    ['120', 120_000],
    ['1.5', 1500],
    [' 7 ', 7000],
    ['Tue, 24 Nov 2026 12:00:30 GMT', 30_000],
    ['Tuesday, 24-Nov-26 12:01:00 GMT', 60_000],
    ['Tue, 24 Nov 2026 11:59:00 GMT', 0],
  ])('%j -> %d ms', (value, expected) => {
    expect(parseRetryAfter(value, NOW)).toBe(expected);
  });

  it.each([[undefined], [null], [''], ['soon'], ['-5'], ['1e3'], ['12abc']])('%j -> undefined', (value) => {
    expect(parseRetryAfter(value, NOW)).toBeUndefined();
  });

  it('reads the first of repeated headers', () => {
    expect(parseRetryAfter(['2', '9'], NOW)).toBe(2000);
  });
});
