/**
 * Where the cookie and the account token may go (SPEC §10): the cookie only to
 * https://open.spotify.com/api/token, never through a redirect; the account token only to spclient and
 * the partner API; neither in a message, warning, util.inspect, cache key or value, or recording.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AsyncSpotifyClient, type CacheStore, type ClientOptions } from '../../src/index.js';
import { recordExchange } from '../../src/capture/recording.js';
import type { WireExchange } from '../../src/http/http-client.js';
import { RECORDER } from '../../src/options.js';
import {
  fakeCanvas,
  fakeCredits,
  fakeLyrics,
  fakeTrack,
  fakeTranscript,
  fakeUser,
  startFakeSpotify,
  type FakeSpotify,
} from '../../src/testing/index.js';
import { sendJson, startLoopback } from '../helpers/loopback.js';

const COOKIE = 'AQB-secret-cookie-Zx9';
let spotify: FakeSpotify;

beforeEach(async () => {
  spotify = await startFakeSpotify();
  spotify.auth.cookie = COOKIE;
});

afterEach(async () => {
  await spotify.close();
});

/** Every account token the fake minted so far. */
const mintedTokens = () => Array.from({ length: spotify.auth.exchanges }, (_, i) => `fake-account-token-${i + 1}`);

function leaks(text: string): string[] {
  return [COOKIE, ...mintedTokens()].filter((secret) => text.includes(secret));
}

describe('secrets stay secret', () => {
  it('the cookie reaches only /api/token on open.spotify.com; the account token only spclient and the partner API', async () => {
    const track = spotify.add(fakeTrack());
    spotify.addLyrics(fakeLyrics({ trackId: track.id }));
    spotify.addCredits(fakeCredits({ trackId: track.id }));
    const canvas = spotify.addCanvas(fakeCanvas({ trackId: track.id }));
    const transcript = spotify.addTranscript(fakeTranscript());
    const user = spotify.addUser(fakeUser());
    await using c = new AsyncSpotifyClient({
      dispatcher: spotify.dispatcher,
      rateLimit: false,
      retry: false,
      cookies: COOKIE,
    });
    await c.getTrack(track.id);
    await c.getLyrics(track.id);
    await c.getCredits(track.id);
    await c.getCanvas(track.id);
    await c.getTranscript(transcript.episodeId);
    await c.getUser(user.id);
    await c.getAccount();
    const dir = await mkdtemp(join(tmpdir(), 'canvas-'));
    try {
      await c.downloadCanvas(canvas, dir);
      await c.downloadCover(track, dir);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }

    const hosts = new Set(spotify.requests.map((r) => r.host));
    expect(hosts).toEqual(
      new Set([
        'open.spotify.com',
        'api-partner.spotify.com',
        'spclient.wg.spotify.com',
        'canvaz.scdn.co',
        'i.scdn.co',
      ]),
    );
    for (const request of spotify.requests) {
      const cookie = String(request.headers['cookie'] ?? '');
      const authorization = String(request.headers['authorization'] ?? '');
      if (cookie.includes(COOKIE)) expect(`${request.host}${request.path}`).toBe('open.spotify.com/api/token');
      if (authorization.includes('fake-account-token-'))
        expect(['spclient.wg.spotify.com', 'api-partner.spotify.com']).toContain(request.host);
      for (const [name, value] of Object.entries(request.headers))
        if (name !== 'cookie' && name !== 'authorization') expect(leaks(String(value))).toEqual([]);
    }
    expect(spotify.requests.filter((r) => String(r.headers['cookie'] ?? '').includes(COOKIE))).toHaveLength(1);
  });

  it('the cookie never follows a redirect of the token endpoint', async () => {
    await using server = await startLoopback((request, res) => {
      if (request.path === '/api/server-time') return sendJson(res, { serverTime: Math.floor(Date.now() / 1000) });
      res.writeHead(302, { location: 'https://open.spotify.com/elsewhere' }).end();
    });
    await using c = new AsyncSpotifyClient({
      dispatcher: server.dispatcher,
      rateLimit: false,
      retry: false,
      cookies: COOKIE,
    });
    await expect(c.getAccount()).rejects.toThrow();
    expect(server.requests.map((r) => r.path)).toEqual(['/api/server-time', '/api/token']);
  });

  it('neither is in messages, warnings, util.inspect of the client and its errors, the cache or a recording', async () => {
    const warnings: string[] = [];
    const store = new Map<string, unknown>();
    const recorded: unknown[] = [];
    const track = spotify.add(fakeTrack());
    spotify.addLyrics(fakeLyrics({ trackId: track.id }));
    spotify.addCredits(fakeCredits({ trackId: track.id }));
    spotify.addUser(fakeUser({ id: 'someone' }));
    spotify.auth.partnerCreditsEmpty = true; // a warning on the way to spclient
    const options = {
      dispatcher: spotify.dispatcher,
      rateLimit: false,
      retry: false,
      cookies: { sp_dc: COOKIE },
      cache: { store: store as unknown as CacheStore },
      onWarning: (message: string) => warnings.push(message),
      [RECORDER]: (exchange: WireExchange) => recorded.push(recordExchange(exchange)),
    } as ClientOptions;
    await using c = new AsyncSpotifyClient(options);
    await c.getLyrics(track.id);
    await c.getCredits(track.id);
    await c.getUser('someone');
    await c.getAccount();
    const errors: unknown[] = [];
    spotify.auth.revokeTokens();
    spotify.auth.tokenLifetimeMs = 0;
    errors.push(await c.getLyrics(fakeLyrics().trackId).catch((e: unknown) => e)); // 401 twice
    spotify.auth.cookie = 'another';
    errors.push(await c.getUser('nobody').catch((e: unknown) => e)); // rejected cookie
    expect(errors.every((error) => error instanceof Error)).toBe(true);
    expect(mintedTokens().length).toBeGreaterThan(0);

    expect(warnings.length).toBeGreaterThan(0);
    expect(leaks(warnings.join('\n'))).toEqual([]);
    for (const error of errors) {
      expect(leaks(String((error as Error).message))).toEqual([]);
      expect(leaks(inspect(error, { depth: Infinity, showHidden: true }))).toEqual([]);
      expect(leaks(JSON.stringify(error))).toEqual([]);
    }
    expect(leaks(inspect(c, { depth: Infinity, showHidden: true }))).toEqual([]);
    expect(store.size).toBeGreaterThan(0);
    expect(leaks(JSON.stringify([...store]))).toEqual([]);
    expect(recorded.length).toBeGreaterThan(0);
    const recording = JSON.stringify(recorded);
    expect(leaks(recording)).toEqual([]);
    expect(recording).not.toMatch(/totp(?:Server)?=\d{6}/);
  });
});
