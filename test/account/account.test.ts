/**
 * The account features and keyless extras (SPEC §10) against the testing kit's fake: the cookie
 * exchange with its TOTP, every method, every error row, and where secrets may go.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Dispatcher } from 'undici';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  AsyncSpotifyClient,
  AuthenticationError,
  CHARTS,
  InvalidInputError,
  NotFoundError,
  toLrc,
  type ClientOptions,
} from '../../src/index.js';
import {
  FAKE_SP_DC,
  fakeAccount,
  fakeCanvas,
  fakeCredits,
  fakeLyrics,
  fakePlaylist,
  fakeTrack,
  fakeTranscript,
  fakeUser,
  fakeEpisode,
  startFakeSpotify,
  type FakeSpotify,
} from '../../src/testing/index.js';
import { VirtualClock } from '../helpers/virtual-clock.js';

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
    dispatcher: spotify.dispatcher,
    rateLimit: false,
    retry: false,
    cookies: FAKE_SP_DC,
    onWarning: (message) => warnings.push(message),
    ...options,
  });
}

const since = (start: number) => spotify.requests.slice(start);
const paths = (start: number) => since(start).map((r) => `${r.host}${r.path}`);
const TOKEN = 'open.spotify.com/api/token';
const SERVER_TIME = 'open.spotify.com/api/server-time';

describe('the account token', () => {
  it('10 concurrent getLyrics on a new client: one server-time and one token request', async () => {
    const tracks = Array.from({ length: 10 }, () => spotify.addLyrics(fakeLyrics()));
    await using c = client();
    const results = await Promise.all(tracks.map((lyrics) => c.getLyrics(lyrics.trackId)));
    expect(results).toEqual(tracks);
    const seen = paths(0);
    expect(seen.filter((p) => p === SERVER_TIME)).toHaveLength(1);
    expect(seen.filter((p) => p === TOKEN)).toHaveLength(1);
    expect(seen.filter((p) => p.startsWith('spclient.wg.spotify.com/color-lyrics/v2/track/'))).toHaveLength(10);
    const token = since(0).find((r) => r.path === '/api/token')!;
    expect(token.url.searchParams.get('totpVer')).toBe('61');
    expect(token.url.searchParams.get('reason')).toBe('init');
    expect(token.url.searchParams.get('productType')).toBe('web-player');
    expect(token.url.searchParams.get('totp')).toMatch(/^\d{6}$/);
  });

  it("one caller's abort stops only its own wait: the exchange it started goes on for the others", async () => {
    const [mine, theirs] = [spotify.addLyrics(fakeLyrics()), spotify.addLyrics(fakeLyrics())];
    // The token request is held until the first caller has left, so its abort comes mid-exchange.
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const late: Dispatcher.DispatcherComposeInterceptor = (dispatch) => (options, handler) => {
      if (!String(options.path).startsWith('/api/token')) return dispatch(options, handler);
      void held.then(() => dispatch(options, handler));
      return true;
    };
    await using c = client({ dispatcher: spotify.dispatcher.compose(late) });
    const controller = new AbortController();
    const leaving = c.getLyrics(mine.trackId, { signal: controller.signal });
    const staying = c.getLyrics(theirs.trackId);
    await vi.waitFor(() => expect(paths(0)).toContain(SERVER_TIME));
    controller.abort(new Error('the first caller left'));
    await expect(leaving).rejects.toThrow('the first caller left');
    release();
    await expect(staying).resolves.toEqual(theirs);
    expect(paths(0).filter((p) => p === TOKEN)).toHaveLength(1);
  });

  it('kept until 60 s before it expires, then exchanged again', async () => {
    // The client's clock is virtual (it starts at 0); the token's lifetime is the server's expiry less its time.
    const clock = new VirtualClock();
    spotify.auth.tokenLifetimeMs = 120_000;
    const lyrics = spotify.addLyrics(fakeLyrics());
    await using c = client({ clock });
    await c.getLyrics(lyrics.trackId);
    await clock.advance(59_000);
    await c.getLyrics(lyrics.trackId, { fresh: true });
    expect(paths(0).filter((p) => p === TOKEN)).toHaveLength(1);
    await clock.advance(2_000); // 61 s in: inside the 60 s margin
    await c.getLyrics(lyrics.trackId, { fresh: true });
    expect(paths(0).filter((p) => p === TOKEN)).toHaveLength(2);
  });
});

describe('the exchange: TOTP versions, server time, refusals', () => {
  const versions = (start: number) =>
    since(start)
      .filter((r) => r.path === '/api/token')
      .map((r) => Number(r.url.searchParams.get('totpVer')));

  it('v61 retired (totpVerExpired, any value): v60 next', async () => {
    spotify.auth.retire(61);
    const lyrics = spotify.addLyrics(fakeLyrics());
    await using c = client();
    expect(await c.getLyrics(lyrics.trackId)).toEqual(lyrics);
    expect(versions(0)).toEqual([61, 60]);
  });

  it('all retired: the secrets are read from the web player bundle (escapes undone), once', async () => {
    spotify.auth.retire(61, 60, 59);
    const secret = `N3w'S3cr\\et{x}`;
    spotify.webPlayer.publishTotpSecrets([
      { version: 62, secret },
      { version: 58, secret: 'older' },
    ]);
    spotify.auth.addSecret(62, secret);
    const lyrics = spotify.addLyrics(fakeLyrics());
    await using c = client();
    expect(await c.getLyrics(lyrics.trackId)).toEqual(lyrics);
    expect(versions(0)).toEqual([61, 60, 59, 62]);
    const bundle = since(0).filter(
      (r) => r.host === 'open.spotifycdn.com' && r.path.endsWith(spotify.webPlayer.bundleFile),
    );
    expect(bundle).toHaveLength(1);
    expect(since(0).filter((r) => r.host === 'open.spotify.com' && r.path === '/')).toHaveLength(1);
  });

  it('all retired and no secret in the bundle: AuthenticationError naming totpSecrets; the bundle is not read again within the hour', async () => {
    spotify.auth.retire(61, 60, 59);
    const lyrics = spotify.addLyrics(fakeLyrics());
    await using c = client();
    const error = await c.getLyrics(lyrics.trackId).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).toMatch(/secrets are stale.*61, 60, 59.*totpSecrets option/);
    expect(since(0).filter((r) => r.host.startsWith('spclient'))).toHaveLength(0);
    const start = spotify.requests.length;
    await expect(c.getLyrics(lyrics.trackId)).rejects.toBeInstanceOf(AuthenticationError);
    expect(since(start).filter((r) => r.host === 'open.spotify.com' && r.path === '/')).toHaveLength(0);
  });

  it('all retired and the bundle missing: the same AuthenticationError', async () => {
    spotify.auth.retire(61, 60, 59);
    spotify.webPlayer.settings.bundle = 'missing';
    await using c = client();
    await expect(c.getLyrics(fakeLyrics().trackId)).rejects.toThrow(/stale.*totpSecrets/);
  });

  it('the totpSecrets option replaces the built-in list (a string, bytes or a list of bytes)', async () => {
    spotify.auth.addSecret(70, 'option-secret');
    spotify.auth.retire(61);
    const lyrics = spotify.addLyrics(fakeLyrics());
    for (const secret of ['option-secret', Buffer.from('option-secret'), [...Buffer.from('option-secret')]]) {
      const start = spotify.requests.length;
      await using c = client({ totpSecrets: [{ version: 70, secret }] });
      await c.getLyrics(lyrics.trackId);
      expect(versions(start)).toEqual([70]);
    }
    expect(() => client({ totpSecrets: [] })).toThrow(InvalidInputError);
    expect(() => client({ totpSecrets: [{ version: 0, secret: 'x' }] })).toThrow(/totpSecrets\[0\]\.version/);
  });

  it('Invalid TOTP: one retry with a fresh server time, then AuthenticationError', async () => {
    const lyrics = spotify.addLyrics(fakeLyrics());
    spotify.auth.refuseCodes = 1;
    {
      await using c = client();
      expect(await c.getLyrics(lyrics.trackId)).toEqual(lyrics);
      expect(paths(0).filter((p) => p === SERVER_TIME)).toHaveLength(2);
      expect(versions(0)).toEqual([61, 61]);
    }
    spotify.auth.refuseCodes = 2;
    const start = spotify.requests.length;
    await using c = client();
    await expect(c.getLyrics(lyrics.trackId)).rejects.toThrow(
      /refused the TOTP of secret version 61 twice: check the machine's clock/,
    );
    expect(versions(start)).toEqual([61, 61]);
  });

  it('a wrong cookie (isAnonymous: true): AuthenticationError saying to export a fresh one', async () => {
    const lyrics = spotify.addLyrics(fakeLyrics());
    await using c = client({ cookies: 'an-expired-cookie' });
    const error = await c.getLyrics(lyrics.trackId).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).toMatch(/rejected or has expired; export a fresh one/);
    expect((error as Error).message).not.toContain('an-expired-cookie');
    expect(since(0).filter((r) => r.host.startsWith('spclient'))).toHaveLength(0);
  });

  it('the HTML 403 "URL Blocked" page: an HttpError 403', async () => {
    spotify.auth.blocked = true;
    await using c = client();
    const error = await c.getAccount().catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'HttpError', status: 403 });
  });

  it('server time: its answer, else the Date header of a failed answer, the fake clock 10 minutes ahead', async () => {
    const ahead = () => Date.now() + 600_000;
    spotify.auth.now = ahead;
    const lyrics = spotify.addLyrics(fakeLyrics());
    for (const mode of ['ok', 'missing', 'error'] as const) {
      spotify.auth.serverTime = mode;
      await using c = client();
      // A code of the local clock would be refused: only the server's time gives a right one.
      expect(await c.getLyrics(lyrics.trackId)).toEqual(lyrics);
    }
  });

  it('a 401 from spclient re-exchanges once; a second 401 fails', async () => {
    const lyrics = spotify.addLyrics(fakeLyrics());
    await using c = client();
    await c.getLyrics(lyrics.trackId);
    spotify.auth.revokeTokens();
    expect(await c.getLyrics(lyrics.trackId, { fresh: true })).toEqual(lyrics);
    expect(paths(0).filter((p) => p === TOKEN)).toHaveLength(2);
    spotify.auth.tokenLifetimeMs = 0; // every token dead on arrival
    spotify.auth.revokeTokens();
    const start = spotify.requests.length;
    await expect(c.getLyrics(lyrics.trackId, { fresh: true })).rejects.toMatchObject({
      name: 'HttpError',
      status: 401,
    });
    expect(paths(start).filter((p) => p === TOKEN)).toHaveLength(1);
  });

  it('an account method without cookies: AuthenticationError before any request, naming the option', async () => {
    await using c = client({ cookies: undefined });
    for (const call of [
      () => c.getLyrics(fakeLyrics().trackId),
      () => c.getTranscript(fakeTranscript().episodeId),
      () => c.getUser('spotify'),
      () => c.getAccount(),
    ]) {
      const error = await call().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AuthenticationError);
      expect((error as Error).message).toMatch(
        /needs a Spotify account: give the sp_dc cookie with the cookies option/,
      );
    }
    expect(spotify.requests).toHaveLength(0);
  });

  it('cookies as { sp_dc }, a cookies.txt (with #HttpOnly_) or a file holding the value, read at the first call', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cookies-'));
    try {
      const netscape = join(dir, 'cookies.txt');
      await writeFile(
        netscape,
        [
          '# Netscape HTTP Cookie File',
          '.spotify.com\tTRUE\t/\tTRUE\t1893456000\tsp_t\tother',
          `#HttpOnly_.spotify.com\tTRUE\t/\tTRUE\t1893456000\tsp_dc\t${FAKE_SP_DC}`,
          '',
        ].join('\n'),
      );
      const plain = join(dir, 'sp_dc');
      const later = join(dir, 'later.txt');
      await writeFile(plain, `${FAKE_SP_DC}\n`);
      const account = (spotify.auth.account = fakeAccount({ product: 'free' }));
      for (const cookies of [{ sp_dc: FAKE_SP_DC }, { file: netscape }, { file: plain }]) {
        await using c = client({ cookies });
        expect(await c.getAccount()).toEqual(account);
      }
      // Read lazily: a file written after the client was made is read at its first account call.
      await using c = client({ cookies: { file: later } });
      await expect(c.getAccount()).rejects.toThrow(/Cannot read the cookies file .*later\.txt \(ENOENT\)/);
      await writeFile(later, FAKE_SP_DC);
      expect(await c.getAccount()).toEqual(account);
      await writeFile(plain, 'a\tb\tc\n');
      await using bad = client({ cookies: { file: plain } });
      await expect(bad.getAccount()).rejects.toThrow(/has no sp_dc cookie/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    expect(() => client({ cookies: { sp_dc: 1 } as never })).toThrow(InvalidInputError);
    expect(() => client({ cookies: 42 as never })).toThrow(/cookies must be the sp_dc value/);
  });
});

describe('the methods of SPEC §10', () => {
  it('getLyrics: synced, unsynced, a free account preview, an unknown syncType; toLrc', async () => {
    const synced = spotify.addLyrics(
      fakeLyrics({
        lines: [
          { startMs: 1_230, endMs: null, text: 'One' },
          { startMs: 65_432, endMs: 70_000, text: 'Two' },
        ],
      }),
    );
    const unsynced = spotify.addLyrics(fakeLyrics({ syncType: 'UNSYNCED', colors: null }));
    const preview = spotify.addLyrics(fakeLyrics({ syncType: 'UNSYNCED', preview: true }));
    const future = spotify.addLyrics(
      fakeLyrics({ syncType: 'WORD_SYNCED_2027', provider: null, providerName: null, language: null }),
    );
    await using c = client();
    for (const lyrics of [synced, unsynced, preview, future]) expect(await c.getLyrics(lyrics.trackId)).toEqual(lyrics);
    expect(unsynced.lines.every((line) => line.startMs === null)).toBe(true);
    expect((await c.getLyrics(preview.trackId)).preview).toBe(true);
    expect(toLrc(synced, { title: 'Song [live]', artist: 'Someone', album: 'Album' })).toBe(
      '[ti:Song live]\n[ar:Someone]\n[al:Album]\n[00:01.23]One\n[01:05.43]Two\n',
    );
    expect(toLrc(unsynced).split('\n')[0]).toBe('First line');
    await expect(c.getLyrics(fakeLyrics().trackId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(c.getLyrics('not a track')).rejects.toBeInstanceOf(InvalidInputError);
  });

  it('spclient "rbac: access denied" (403): AuthenticationError, not retried', async () => {
    const lyrics = spotify.addLyrics(fakeLyrics());
    spotify.auth.rbac = true;
    await using c = client({ retry: { maxAttempts: 4, baseDelayMs: 1 } });
    const error = await c.getLyrics(lyrics.trackId).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).toMatch(/rbac: access denied.*account token/);
    expect(since(0).filter((r) => r.host.startsWith('spclient'))).toHaveLength(1);
  });

  it('getCredits: keyless from the partner API (no exchange even with cookies)', async () => {
    const track = spotify.add(fakeTrack());
    const credits = spotify.addCredits(fakeCredits({ trackId: track.id }));
    await using c = client();
    expect(await c.getCredits(track.id)).toEqual(credits);
    const api = since(0).filter((r) => r.host === 'api-partner.spotify.com');
    expect(api.map((r) => r.operation)).toEqual(['queryTrackCreditsGroupedModal']);
    expect(paths(0)).not.toContain(TOKEN);
  });

  it('getCredits: spclient with the account token when the partner API has none (a warning); without cookies a ParseError', async () => {
    const track = spotify.add(fakeTrack());
    const credits = spotify.addCredits(
      fakeCredits({
        trackId: track.id,
        roles: [
          {
            role: 'Writers',
            artists: [
              { name: 'Pen', id: null, uri: null, imageUrl: 'https://i.scdn.co/image/ab67', subroles: ['lyricist'] },
            ],
          },
        ],
      }),
    );
    spotify.auth.partnerCreditsEmpty = true;
    {
      await using c = client();
      expect(await c.getCredits(track.id)).toEqual(credits);
      const api = since(0)
        .filter((r) => r.host === 'api-partner.spotify.com')
        .map((r) => r.operation);
      expect(api).toEqual(['queryTrackCreditsGroupedModal', 'queryTrackCreditsModal']);
      expect(paths(0)).toContain(`spclient.wg.spotify.com/track-credits-view/v0/experimental/${track.id}/credits`);
      expect(warnings.join('\n')).toMatch(/Credits of track .* from the partner API failed .*asking spclient/);
    }
    await using keyless = client({ cookies: undefined });
    await expect(keyless.getCredits(track.id)).rejects.toThrow(/lists no credits/);
    await expect(keyless.getCredits(fakeTrack().id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('getCanvas: the Canvas, null without one; the anonymous token without cookies, the account token with; downloadCanvas', async () => {
    const track = spotify.add(fakeTrack());
    const bare = spotify.add(fakeTrack());
    const canvas = spotify.addCanvas(fakeCanvas({ trackId: track.id }));
    {
      await using keyless = client({ cookies: undefined });
      expect(await keyless.getCanvas(track.id)).toEqual(canvas);
      expect(await keyless.getCanvas(bare.id)).toBeNull();
      expect(paths(0)).not.toContain(TOKEN);
    }
    const start = spotify.requests.length;
    await using c = client();
    expect(await c.getCanvas(track.id)).toEqual(canvas);
    const asked = since(start).find((r) => r.operation === 'canvas')!;
    expect(String(asked.headers['authorization'])).toMatch(/^Bearer fake-account-token-/);
    const dir = await mkdtemp(join(tmpdir(), 'canvas-'));
    try {
      const path = await c.downloadCanvas(canvas, dir);
      expect(path).toBe(join(dir, `canvas-${track.id}.mp4`));
      expect((await readFile(path)).subarray(4, 8).toString()).toBe('ftyp');
      expect(await c.downloadCanvas(canvas, dir, { filename: 'loop' })).toBe(join(dir, 'loop.mp4'));
      await expect(c.downloadCanvas({ ...canvas, url: 'https://evil.example/x.mp4' }, dir)).rejects.toThrow(
        /not an https URL on a Spotify media host/,
      );
      await expect(c.downloadCanvas(null as never, dir)).rejects.toBeInstanceOf(InvalidInputError);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('getCanvas: a 401 to the anonymous token is an AuthenticationError that says cookies are needed', async () => {
    const track = spotify.add(fakeTrack());
    spotify.addCanvas(fakeCanvas({ trackId: track.id }));
    spotify.auth.canvasNeedsAccount = true;
    await using keyless = client({ cookies: undefined });
    const error = await keyless.getCanvas(track.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).toMatch(
      /refused the anonymous token for Canvas \(HTTP 401\): give the sp_dc cookie/,
    );
    await using c = client();
    expect(await c.getCanvas(track.id)).not.toBeNull();
  });

  it('getTranscript: the cues; none with a sentence, or a 404: NotFoundError', async () => {
    const transcript = spotify.addTranscript(fakeTranscript());
    const musicOnly = spotify.addTranscript(
      fakeTranscript({ cues: [{ startMs: 0, kind: 'fallback', text: '[Music]' }] }),
    );
    await using c = client();
    expect(await c.getTranscript(`spotify:episode:${transcript.episodeId}`)).toEqual(transcript);
    await expect(c.getTranscript(musicOnly.episodeId)).rejects.toThrow(/has no transcript/);
    await expect(c.getTranscript(fakeEpisode().id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('getUser: spotify:user:, open.spotify.com/user/ or a bare id; a bad value before any request', async () => {
    const user = spotify.addUser(fakeUser({ id: 'smedjan' }));
    await using c = client();
    for (const value of [
      'spotify:user:smedjan',
      'https://open.spotify.com/user/smedjan?si=abc',
      'open.spotify.com/intl-de/user/smedjan',
      'smedjan',
    ])
      expect(await c.getUser(value)).toEqual(user);
    await expect(c.getUser('nobody-here')).rejects.toBeInstanceOf(NotFoundError);
    const start = spotify.requests.length;
    for (const value of ['spotify:track:4uLU6hMCjMI75M1A2tKUQC', 'https://example.com/user/x', 'has space'])
      await expect(c.getUser(value)).rejects.toBeInstanceOf(InvalidInputError);
    expect(spotify.requests.length).toBe(start);
  });

  it('getAccount: premium or free, never cached', async () => {
    await using c = client({ cache: true });
    spotify.auth.account = fakeAccount();
    expect(await c.getAccount()).toMatchObject({ product: 'premium', premium: true, onDemand: true });
    spotify.auth.account = fakeAccount({ product: 'free' });
    expect(await c.getAccount()).toMatchObject({ product: 'free', premium: false, ads: true });
    expect(paths(0).filter((p) => p.endsWith('/melody/v1/product_state'))).toHaveLength(2);
  });

  it('lyrics, transcripts and profiles are cached by id', async () => {
    const lyrics = spotify.addLyrics(fakeLyrics());
    const user = spotify.addUser(fakeUser());
    await using c = client({ cache: true });
    await c.getLyrics(lyrics.trackId);
    await c.getLyrics(`spotify:track:${lyrics.trackId}`);
    await c.getUser(user.id);
    await c.getUser(user.uri);
    expect(since(0).filter((r) => r.host.startsWith('spclient'))).toHaveLength(2);
  });

  it('CHARTS and getChart: the playlist of the key; an unknown key lists the keys before any request', async () => {
    expect(CHARTS.map((chart) => chart.key)).toEqual([
      'top-50-global',
      'top-50-usa',
      'top-songs-global',
      'todays-top-hits',
    ]);
    const playlist = spotify.add(fakePlaylist({ id: '37i9dQZEVXbMDoHDwVN2tF', name: 'Top 50 - Global' }, 5));
    await using c = client({ cookies: undefined });
    expect(await c.getChart('top-50-global', { maxTracks: 3 })).toEqual({
      ...playlist,
      tracks: playlist.tracks.slice(0, 3),
    });
    const start = spotify.requests.length;
    const error = await c.getChart('top-100').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as Error).message).toBe(
      'Unknown chart "top-100": the keys are top-50-global, top-50-usa, top-songs-global, todays-top-hits',
    );
    await expect(c.getChart('top-50-global', { maxTrack: 3 } as never)).rejects.toThrow(/maxTrack/);
    expect(spotify.requests.length).toBe(start);
  });

  it('batch helpers: in input order, one failure loses nothing', async () => {
    const [a, b] = [spotify.addLyrics(fakeLyrics()), spotify.addLyrics(fakeLyrics())];
    await using c = client();
    const results = await c.getLyricsMany([a.trackId, 'not-a-track', b.trackId]);
    expect(results.map((r) => r.ok)).toEqual([true, false, true]);
    expect(results[0]).toEqual({ value: a.trackId, ok: true, result: a });
    const track = spotify.add(fakeTrack());
    spotify.addCredits(fakeCredits({ trackId: track.id }));
    spotify.addCanvas(fakeCanvas({ trackId: track.id }));
    const t = spotify.addTranscript(fakeTranscript());
    const u = spotify.addUser(fakeUser());
    expect((await c.getCreditsMany([track.id]))[0]!.ok).toBe(true);
    expect((await c.getCanvasMany([track.id]))[0]!.ok).toBe(true);
    expect((await c.getTranscriptMany([t.episodeId]))[0]).toMatchObject({ ok: true, result: t });
    expect((await c.getUserMany([u.id, 'nobody']))[1]).toMatchObject({ ok: false, error: { name: 'NotFoundError' } });
  });
});
