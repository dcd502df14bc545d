import { describe, expect, it } from 'vitest';
import { ParseError } from '../../src/index.js';
import { MAX_QUOTED, clip, quote, redact } from '../../src/redact.js';

describe('redact', () => {
  it.each([
    ['http://user:secret@proxy.example:8080/x', 'http://***@proxy.example:8080/x'],
    ['see https://u:p@a.b and socks5://x:y@c.d', 'see https://***@a.b and socks5://***@c.d'],
    ['{"url":"http://user:pw@host"}', '{"url":"http://***@host"}'],
    ['Authorization: Bearer BQDabc-def_123', 'Authorization: Bearer ***'],
    ['{"accessToken":"BQD123","other":1}', '{"accessToken":"***","other":1}'],
    ['https://open.spotify.com/track/x?a=b@c', 'https://open.spotify.com/track/x?a=b@c'],
    ['Cookie: sp_dc=AQBsecretvalue; other=1', 'Cookie: ***'],
    ['cookie was sp_dc=AQBsecretvalue;', 'cookie was sp_dc=***;'],
    ['.spotify.com\tTRUE\t/\tTRUE\t0\tsp_dc\tAQBsecretvalue', '.spotify.com\tTRUE\t/\tTRUE\t0\tsp_dc\t***'],
    ['{"cookie":"sp_dc=AQBsecret"}', '{"cookie":"***"}'],
    ['client-token: AAAclienttoken', 'client-token: ***'],
    [
      '{"granted_token":{"token":"AAAgranted","expires_after_seconds":1209600}}',
      '{"granted_token":{"token":"***","expires_after_seconds":1209600}}',
    ],
  ])('%s', (input, expected) => {
    expect(redact(input)).toBe(expected);
  });

  it('replaces the secrets it is given', () => {
    expect(redact('token tok-123456 echoed twice: tok-123456', ['tok-123456'])).toBe('token *** echoed twice: ***');
  });

  // A hang detector (the regex this replaces took minutes on these); speed is measured in bench/.
  it.each([
    ['a 1 MB run of letters', 'a'.repeat(1_000_000)],
    ['a 1 MB URL', `https://${'a'.repeat(1_000_000)}/x`],
    ['1 MB of "://"', '://'.repeat(350_000)],
    ['bearer followed by 1 MB of spaces', `bearer${' '.repeat(1_000_000)}`],
  ])('is linear on %s', (_name, text) => {
    const start = performance.now();
    redact(text);
    expect(performance.now() - start).toBeLessThan(2_000);
  });
});

describe('quote and clip', () => {
  it('cuts outside text short and escapes control characters', () => {
    const quoted = quote(`\u001b[31mred${'x'.repeat(5_000)}`);
    expect(quoted.length).toBeLessThan(MAX_QUOTED + 60);
    expect(quoted).toContain('\\u001b[31m');
    expect(quoted).toContain('(5008 characters)');
    expect(quote(undefined)).toBe('undefined');
    expect(quote(Object.create(null))).toBe('an object');
    expect(quote([1])).toBe('an array');
    expect(clip('abcdef', 3)).toBe('abc…');
  });

  it('an error message never grows without bound', () => {
    const error = new ParseError(`bad ${'y'.repeat(100_000)}`);
    expect(error.message.length).toBeLessThanOrEqual(2_001);
  });
});
