/** Credentials are scoped (the seam every API family uses): tokens to their family's hosts only, cookies and tokens never across a redirect to another host, the caller's headers never to media hosts. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AsyncSpotifyClient, NetworkError } from '../../src/index.js';
import { authorizedRequest, type TokenSource } from '../../src/http/authorized.js';
import { PARTNER_FAMILY } from '../../src/partner/family.js';
import { fakeTrack } from '../../src/testing/index.js';
import { startLoopback, type Loopback } from '../helpers/loopback.js';
import { HttpClient } from '../../src/http/http-client.js';
import { HostGate } from '../../src/http/host-gate.js';
import { HostRateLimiter } from '../../src/http/rate-limit.js';
import { RetryPolicy } from '../../src/http/retry.js';
import { systemClock } from '../../src/http/clock.js';

let server: Loopback;

beforeAll(async () => {
  server = await startLoopback((request, res) => {
    if (request.path === '/hop') {
      res.writeHead(302, { location: 'https://other.spotify.com/landed' });
      res.end();
    } else if (request.path.startsWith('/image/')) {
      res.writeHead(200, { 'content-type': 'image/jpeg' });
      res.end(Buffer.from([0xff, 0xd8, 0xff, 0xd9]));
    } else {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"data":{}}');
    }
  });
});

afterAll(async () => {
  await server.close();
});

function http(): HttpClient {
  return new HttpClient({
    dispatcher: server.dispatcher,
    limiter: new HostRateLimiter(false, new Map(), systemClock),
    gate: new HostGate(8),
    retry: new RetryPolicy({ maxAttempts: 1 }),
    clock: systemClock,
    timeoutMs: 5_000,
    headers: { base: { 'user-agent': 'test' }, extra: { 'x-caller': 'mine' } },
  });
}

const tokens: TokenSource = { lease: async () => 'family-token-1234', renew: async () => 'family-token-5678' };

describe('credentials stay where they belong', () => {
  it("a family's token goes to its hosts only: another host is refused before any request", async () => {
    const before = server.requests.length;
    await expect(
      authorizedRequest(http(), PARTNER_FAMILY, tokens, {
        url: 'https://open.spotify.com/api/x',
        consume: async () => 1,
      }),
    ).rejects.toThrow(/has no host open\.spotify\.com/);
    expect(server.requests.length).toBe(before);
    await authorizedRequest(http(), PARTNER_FAMILY, tokens, {
      url: 'https://api-partner.spotify.com/pathfinder/v1/query',
      consume: async () => 1,
    });
    expect(server.requests.at(-1)?.headers['authorization']).toBe('Bearer family-token-1234');
  });

  it("a family's request does not follow a redirect off its hosts", async () => {
    await expect(
      authorizedRequest(http(), PARTNER_FAMILY, tokens, {
        url: 'https://api-partner.spotify.com/hop',
        consume: async () => 1,
      }),
    ).rejects.toBeInstanceOf(NetworkError);
  });

  it('a redirect to another host drops authorization, cookie, proxy-authorization and client-token', async () => {
    await http().get('https://open.spotify.com/hop', {
      headers: {
        authorization: 'Bearer t',
        cookie: 'sp_dc=secret',
        'proxy-authorization': 'Basic x',
        'client-token': 'ct',
      },
      consume: async () => undefined,
    });
    const landed = server.requests.at(-1)!;
    expect(landed.host).toBe('other.spotify.com');
    for (const name of ['authorization', 'cookie', 'proxy-authorization', 'client-token'])
      expect(landed.headers[name]).toBeUndefined();
    expect(landed.headers['x-caller']).toBe('mine');
  });

  it("the caller's own headers go to Spotify's pages and APIs, not to its media hosts", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'creds-'));
    try {
      await using client = new AsyncSpotifyClient({
        dispatcher: server.dispatcher,
        rateLimit: false,
        retry: false,
        headers: { 'x-caller': 'mine' },
      });
      const track = fakeTrack();
      await client.downloadCover(track, dir);
      const media = server.requests.at(-1)!;
      expect(media.host).toBe('i.scdn.co');
      expect(media.headers['x-caller']).toBeUndefined();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
