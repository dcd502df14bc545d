/**
 * Trust, round 4: tokens. Each test failed on the code before the fix it covers (issue items in the
 * names: "#1" is item 1 of the round).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AsyncSpotifyClient, AuthenticationError, type ClientOptions } from '../../src/index.js';
import { SharedToken } from '../../src/http/shared-token.js';
import { redact } from '../../src/redact.js';
import { ClientToken } from '../../src/web-player/client-token.js';
import {
  FAKE_SP_DC,
  fakeHash,
  fakeLyrics,
  fakeTrack,
  startFakeSpotify,
  type FakeSpotify,
} from '../../src/testing/index.js';

let spotify: FakeSpotify;
let warnings: string[];

beforeEach(async () => {
  spotify = await startFakeSpotify();
  warnings = [];
});

afterEach(async () => {
  await spotify.close();
});

function client(options: ClientOptions = {}): AsyncSpotifyClient {
  return new AsyncSpotifyClient({
    ...spotify.clientOptions,
    cookies: FAKE_SP_DC,
    onWarning: (message) => warnings.push(message),
    ...options,
  });
}

const exchanges = () => spotify.requests.filter((r) => r.path === '/api/token').length;

describe('#1 a token that arrives with 60 s of life or less is kept until the API refuses it', () => {
  it('account token of 30 s: ten getLyrics, one exchange with the cookie', async () => {
    spotify.auth.tokenLifetimeMs = 30_000;
    const track = spotify.add(fakeTrack());
    spotify.addLyrics(fakeLyrics({ trackId: track.id }));
    await using c = client();
    for (let i = 0; i < 10; i += 1) await c.getLyrics(track.id, { fresh: true });
    expect(exchanges()).toBe(1);
  });

  it('…and renewed once when the API refuses it', async () => {
    spotify.auth.tokenLifetimeMs = 30_000;
    const track = spotify.add(fakeTrack());
    spotify.addLyrics(fakeLyrics({ trackId: track.id }));
    await using c = client();
    await c.getLyrics(track.id);
    spotify.auth.revokeTokens();
    await c.getLyrics(track.id, { fresh: true });
    expect(exchanges()).toBe(2);
  });

  it('the one mechanism: a fetched token inside the margin is used until refused', async () => {
    let fetches = 0;
    const token = new SharedToken(
      async () => ({ token: `t${(fetches += 1)}`, lifetimeMs: 10_000 }),
      () => 0,
    );
    for (let i = 0; i < 5; i += 1) expect(await token.lease()).toBe('t1');
    expect(await token.renew('t1')).toBe('t2');
    expect(fetches).toBe(2);
  });
});

describe('#2 a server time far from the local clock is not taken', () => {
  it('a Date header of 1969 (no server-time body): the local clock stands in, never a RangeError', async () => {
    spotify.auth.serverTime = 'missing';
    spotify.auth.serverDate = () => 'Sun, 20 Jul 1969 20:17:00 GMT';
    await using c = client();
    expect(await c.getAccount()).toEqual(spotify.auth.account);
  });

  it('…and when the local clock is wrong too, an AuthenticationError that says to check it', async () => {
    spotify.auth.serverTime = 'missing';
    spotify.auth.serverDate = () => 'Sun, 20 Jul 1969 20:17:00 GMT';
    spotify.auth.now = () => Date.now() + 3 * 3_600_000; // the fake's codes are of another time
    await using c = client();
    const error = await c.getAccount().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).toMatch(/check the machine's clock/);
  });
});

describe('#10 only the newest few secrets of a bundle are tried', () => {
  it('300 secrets in the bundle: at most 3 token requests for them', async () => {
    spotify.auth.retire(61, 60, 59);
    spotify.webPlayer.publishTotpSecrets(
      Array.from({ length: 300 }, (_, i) => ({ version: 1000 - i, secret: `secret-${i}-padding-padding` })),
    );
    await using c = client();
    await expect(c.getAccount()).rejects.toBeInstanceOf(AuthenticationError);
    // The three built-in versions (retired), then three of the bundle's.
    expect(exchanges()).toBe(6);
  });
});

describe('#13 when v2 refuses every client token', () => {
  it('a refused fresh token is not followed by a mint per call: the web player page is read once', async () => {
    spotify.webPlayer.settings.v1 = 'gone';
    spotify.webPlayer.settings.requireClientToken = true;
    spotify.webPlayer.isClientToken = () => false; // nothing it minted is ever taken
    const track = spotify.add(fakeTrack());
    await using c = client({ cookies: undefined });
    for (let i = 0; i < 5; i += 1) await c.getTrack(track.id, { fresh: true });
    const mints = spotify.requests.filter((r) => r.host === 'clienttoken.spotify.com').length;
    const pages = spotify.requests.filter((r) => r.host === 'open.spotify.com' && r.path === '/').length;
    expect(mints).toBe(1);
    expect(pages).toBe(1);
  });

  it('after a refused fresh token, asking for one is refused at once for a while (no mint)', async () => {
    let mints = 0;
    const http = {
      request: async () =>
        JSON.stringify({
          response_type: 'RESPONSE_GRANTED_TOKEN_RESPONSE',
          granted_token: { token: `c${fakeHash(String((mints += 1)))}` },
        }),
    };
    const token = new ClientToken(http as never, async () => '1.2.3');
    const first = await token.lease();
    token.refused(first);
    await expect(token.lease()).rejects.toMatchObject({ code: 'CLIENT_TOKEN_REFUSED' });
    await expect(token.renew(first)).rejects.toMatchObject({ code: 'CLIENT_TOKEN_REFUSED' });
    expect(mints).toBe(1);
  });
});

describe('TOTP codes never appear in a message', () => {
  it('the /api/token URL of an error has its totp parameters redacted', () => {
    const url =
      'https://open.spotify.com/api/token?reason=init&productType=web-player&totp=123456&totpServer=654321&totpVer=61';
    expect(redact(`HTTP 500 from ${url}`)).toBe(
      'HTTP 500 from https://open.spotify.com/api/token?reason=init&productType=web-player&totp=***&totpServer=***&totpVer=61',
    );
  });

  it('an exchange that fails with HTTP 500 says its URL without the codes', async () => {
    await using c = client({ retry: false });
    spotify.auth.blocked = false;
    const original = spotify.auth.token.bind(spotify.auth);
    spotify.auth.token = () => ({ status: 500, body: { error: 'down' } });
    const error = await c.getAccount().catch((caught: unknown) => caught);
    spotify.auth.token = original;
    expect(String((error as Error).message)).toMatch(/api\/token/);
    expect(String((error as Error).message)).not.toMatch(/totp=\d|totpServer=\d/);
  });
});
