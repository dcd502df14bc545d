/**
 * The browser transport (SPEC §14) with Debian's chromium against the loopback fake: the six getters
 * through Chromium, the limiter at the server, an abort closes its page, close() leaves no Chromium
 * process, the fallback switches after a challenge 403 and not after a 404, and clear errors.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inspect } from 'node:util';
import { AsyncSpotifyClient, InvalidInputError, NetworkError, NotFoundError } from '../../src/index.js';
import { createBrowserDispatcher } from '../../src/http/browser/browser-dispatcher.js';
import { findChromium } from '../../src/http/browser/chromium.js';
import {
  fakeAlbum,
  fakeArtist,
  fakeEpisode,
  fakePlaylist,
  fakeShow,
  fakeTrack,
  startFakeSpotify,
  type FakeSpotify,
} from '../../src/testing/index.js';
import { BASE_JITTER_MS, schedulingDelay, worstExcess } from '../helpers/schedule.js';
import { chromiumProcesses } from '../helpers/chromium-processes.js';

const chromium = findChromium();
if (!chromium) {
  if (process.env['CI'] === 'true')
    throw new Error('browser: no chromium on the PATH (CI must install it: apt-get install -y chromium)');
  console.warn('browser: SKIPPED — no chromium on the PATH (apt-get install -y chromium to run it)');
}

let spotify: FakeSpotify;
let warnings: string[];

beforeEach(async () => {
  spotify = await startFakeSpotify();
  warnings = [];
});

afterEach(async () => {
  await spotify.close();
});

const client = (browser: unknown, extra: object = {}) =>
  new AsyncSpotifyClient({
    ...spotify.clientOptions,
    browser: browser as never,
    // Chromium's start counts in the first attempt: on a loaded 2-core machine it can take over 10 s.
    timeout: 60_000,
    onWarning: (message) => warnings.push(message),
    ...extra,
  });

describe.skipIf(!chromium)('the browser transport', () => {
  it('the six getters through Chromium: the same models; every embed page a browser navigation; close() ends Chromium', async () => {
    const entities = [
      spotify.add(fakeTrack()),
      spotify.add(fakeAlbum({}, 3)),
      spotify.add(fakeArtist()),
      spotify.add(fakePlaylist({}, 5)),
      spotify.add(fakeEpisode()),
      spotify.add(fakeShow({}, 2)),
    ];
    const scraper = client({ executablePath: chromium });
    for (const entity of entities) expect(await scraper.get(entity.type, entity.id)).toEqual(entity);
    const pages = spotify.requests.filter((request) => request.path.startsWith('/embed/'));
    expect(pages).toHaveLength(6);
    expect(pages.every((request) => request.headers['sec-fetch-mode'] === 'navigate')).toBe(true);
    // Nothing but the pages: no favicon, script or image the rate limit would not pace.
    expect(spotify.requests.filter((request) => request.host === 'open.spotify.com')).toHaveLength(6);
    // The partner API keeps plain HTTP, with the token the page carried.
    expect(
      spotify.requests.some(
        (request) => request.host === 'api-partner.spotify.com' && !request.headers['sec-fetch-mode'],
      ),
    ).toBe(true);
    expect(chromiumProcesses().length).toBeGreaterThan(0);
    await scraper.close();
    expect(chromiumProcesses()).toEqual([]);
  }, 120_000);

  it("the rate limit holds at the server, also for the requests that waited for Chromium's start", async () => {
    const tracks = Array.from({ length: 8 }, () => spotify.add(fakeTrack()));
    await using scraper = client(true, { rateLimit: { perSecond: 5, burst: 2 }, partnerApi: false });
    // The allowance is this process's scheduling delay once Chromium runs (its start blocks the event
    // loop for a moment, which would otherwise make the allowance hide a bunched start).
    const pages = () => spotify.requests.filter((request) => request.host === 'open.spotify.com');
    const measured = (async () => {
      while (pages().length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
      return schedulingDelay();
    })();
    await Promise.all(tracks.map((track) => scraper.getTrack(track.id)));
    const allowance = BASE_JITTER_MS + (await measured).stop();
    const times = pages().map((request) => request.receivedAt);
    expect(times).toHaveLength(8);
    const gaps = times.map((time) => Math.round(time - (times[0] as number)));
    expect(
      worstExcess(times, 5, 2, allowance),
      `arrivals ${gaps.join(', ')} ms; allowance ${allowance} ms`,
    ).toBeLessThanOrEqual(0);
  }, 120_000);

  it("an abort rejects with its reason and closes that call's page", async () => {
    const track = spotify.add(fakeTrack());
    spotify.fail({ slowBodyMs: 3_000 }, { value: track.id });
    const browser = createBrowserDispatcher(
      spotify.dispatcher,
      false,
      { mode: 'always', executablePath: chromium, headless: true },
      undefined,
      () => undefined,
    );
    try {
      await using scraper = new AsyncSpotifyClient({ ...spotify.clientOptions, dispatcher: browser });
      const controller = new AbortController();
      const call = scraper.getTrack(track.id, { signal: controller.signal });
      for (let i = 0; i < 200 && browser.openPages === 0; i += 1)
        await new Promise((resolve) => setTimeout(resolve, 25));
      expect(browser.openPages).toBe(1);
      controller.abort(new Error('enough waiting'));
      await expect(call).rejects.toThrow('enough waiting');
      for (let i = 0; i < 100 && browser.openPages > 0; i += 1) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(browser.openPages).toBe(0);
    } finally {
      await browser.close();
    }
    expect(chromiumProcesses()).toEqual([]);
  }, 120_000);

  it("'fallback': plain HTTP until the edge's 403 challenge (one warning, then Chromium); a 404 switches nothing", async () => {
    const [a, b] = [spotify.add(fakeTrack()), spotify.add(fakeTrack())];
    await using plain = client('fallback');
    await expect(plain.getTrack(fakeTrack().id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await plain.getTrack(a.id)).toEqual(a);
    expect(warnings).toEqual([]);
    expect(spotify.requests.some((request) => request.headers['sec-fetch-mode'] === 'navigate')).toBe(false);

    spotify.webPlayer.settings.challengePlainHttp = true;
    const before = spotify.requests.length;
    await using switching = client('fallback');
    expect(await switching.getTrack(a.id)).toEqual(a);
    expect(await switching.getTrack(b.id)).toEqual(b);
    const pages = spotify.requests.slice(before).filter((request) => request.host === 'open.spotify.com');
    // The first page: refused to plain HTTP, then fetched by Chromium; the second straight by Chromium.
    expect(pages.map((request) => request.headers['sec-fetch-mode'] ?? 'http')).toEqual([
      'http',
      'navigate',
      'navigate',
    ]);
    expect(warnings).toEqual([
      'open.spotify.com answered a 403 challenge page to plain HTTP: its pages go through the browser from now on',
    ]);
  }, 120_000);

  it("API hosts whose edge refuses plain HTTP too: their requests go through a page's fetch (one warning per host)", async () => {
    const [track, album] = [spotify.add(fakeTrack()), spotify.add(fakeAlbum({}, 3))];
    spotify.webPlayer.settings.challengePlainHttp = true;
    spotify.webPlayer.settings.challengeApis = true;
    const scraper = client('fallback');
    try {
      expect(await scraper.getTrack(track.id, { externalIds: true })).toEqual({ ...track, isrc: expect.any(String) });
      expect(await scraper.getAlbum(album.id)).toEqual(album);
      expect(warnings.sort()).toEqual([
        "api-partner.spotify.com answered a 403 challenge page to plain HTTP: its requests go through the browser's network stack from now on",
        'open.spotify.com answered a 403 challenge page to plain HTTP: its pages go through the browser from now on',
        "spclient.wg.spotify.com answered a 403 challenge page to plain HTTP: its requests go through the browser's network stack from now on",
      ]);
      // Per API host: the first request refused to plain HTTP, every later one sent by the page (and answered).
      for (const host of ['api-partner.spotify.com', 'spclient.wg.spotify.com']) {
        const modes = spotify.requests
          .filter((request) => request.host === host)
          .map((request) => request.headers['sec-fetch-mode'] ?? 'http');
        expect(modes[0]).toBe('http');
        expect(modes.length).toBeGreaterThan(1);
        expect(modes.slice(1).every((mode) => mode === 'same-origin' || mode === 'cors')).toBe(true);
      }
      // Nothing but our own requests left the pages: the page of the origin, the embed pages, our fetches.
      const navigations = spotify.requests.filter((request) => request.headers['sec-fetch-mode'] === 'navigate');
      expect(navigations.every((request) => request.host === 'open.spotify.com')).toBe(true);
    } finally {
      await scraper.close();
    }
    expect(chromiumProcesses()).toEqual([]);

    // Only the API refused: the pages stay on plain HTTP; the page fetches go from open.spotify.com/robots.txt.
    spotify.webPlayer.settings.challengePlainHttp = false;
    warnings = [];
    const before = spotify.requests.length;
    await using apiOnly = client('fallback');
    expect(await apiOnly.getAlbum(album.id)).toEqual(album);
    expect(warnings).toEqual([
      "api-partner.spotify.com answered a 403 challenge page to plain HTTP: its requests go through the browser's network stack from now on",
    ]);
    const seen = spotify.requests
      .slice(before)
      .map((request) => `${request.host}${request.path} ${request.headers['sec-fetch-mode'] ?? 'http'}`);
    expect(seen.filter((line) => line.startsWith('open.spotify.com'))).toEqual([
      `open.spotify.com/embed/album/${album.id} http`,
      'open.spotify.com/robots.txt navigate',
    ]);
  }, 120_000);

  it("the proxy: Chromium's pages go through it with its credentials; no secret in a failure", async () => {
    const { createServer, request: forward } = await import('node:http');
    const track = spotify.add(fakeTrack());
    const seen: Array<{ url: string; auth: string | undefined }> = [];
    const proxy = createServer((incoming, outgoing) => {
      const auth = incoming.headers['proxy-authorization'];
      seen.push({ url: String(incoming.url), auth });
      if (auth !== `Basic ${Buffer.from('user:s3cret').toString('base64')}`) {
        outgoing.writeHead(407, { 'proxy-authenticate': 'Basic realm="test"' }).end();
        return;
      }
      const { ['proxy-authorization']: _, ...headers } = incoming.headers;
      const upstream = forward(String(incoming.url), { method: incoming.method, headers }, (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      });
      incoming.pipe(upstream);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const port = (proxy.address() as { port: number }).port;
    const through = async (password: string) => {
      const browser = createBrowserDispatcher(
        spotify.dispatcher,
        false,
        { mode: 'always', executablePath: chromium, headless: true },
        new URL(`http://user:${password}@127.0.0.1:${port}`),
        () => undefined,
      );
      const scraper = new AsyncSpotifyClient({ ...spotify.clientOptions, dispatcher: browser, partnerApi: false });
      try {
        return await scraper.getTrack(track.id);
      } finally {
        await scraper.close();
        await browser.close();
      }
    };
    try {
      expect(await through('s3cret')).toMatchObject({ id: track.id, name: track.name });
      const proxied = seen.filter((entry) => entry.url.includes(`/embed/track/${track.id}`));
      expect(proxied.some((entry) => entry.auth !== undefined)).toBe(true);
      expect(spotify.requests.filter((request) => request.path.startsWith('/embed/'))).toHaveLength(1);
      const failure = await through('wrong-pass').then(
        () => null,
        (error: unknown) => error,
      );
      expect(failure).toBeInstanceOf(NetworkError);
      expect(inspect(failure, { depth: 5 })).not.toMatch(/wrong-pass|s3cret/);
    } finally {
      await new Promise((resolve) => proxy.close(resolve));
    }
    expect(chromiumProcesses()).toEqual([]);
  }, 120_000);

  it('the CLI: --browser [PATH] and --browser-fallback', async () => {
    const { runCliInProcess } = await import('../helpers/cli-in-process.js');
    const track = spotify.add(fakeTrack());
    const run = await runCliInProcess([
      'track',
      track.id,
      '--browser',
      chromium as string,
      '--origin',
      spotify.origin,
      '--timeout',
      '60000',
    ]);
    expect([run.code, run.json()]).toEqual([0, track]);
    spotify.webPlayer.settings.challengePlainHttp = true;
    const fallback = await runCliInProcess([
      'track',
      track.id,
      '--browser-fallback',
      '--origin',
      spotify.origin,
      '--timeout',
      '60000',
    ]);
    expect(fallback.code).toBe(0);
    expect(fallback.stderr).toMatch(/^warning: open\.spotify\.com answered a 403 challenge page to plain HTTP/);
    const both = [
      'track',
      track.id,
      '--browser',
      chromium as string,
      '--browser-fallback',
      '--origin',
      spotify.origin,
      '--timeout',
      '60000',
    ];
    const named = await runCliInProcess(both);
    expect([named.code, named.json()]).toEqual([0, track]);
    expect(named.stderr).toMatch(/^warning: open\.spotify\.com answered a 403 challenge page/);
    const plain = await runCliInProcess(['track', track.id, '--origin', spotify.origin, '--timeout', '60000']);
    expect(plain.code).not.toBe(0);
    expect(chromiumProcesses()).toEqual([]);
  }, 120_000);

  it('doctor says which transport carries the pages', async () => {
    const { doctor } = await import('../../src/index.js');
    const options = { dispatcher: spotify.dispatcher, rateLimit: false as const };
    const plain = await doctor(options);
    expect(plain.checks.find((check) => check.name === 'transport')).toMatchObject({
      detail: 'pages through plain HTTP',
    });
    spotify.webPlayer.settings.challengePlainHttp = true;
    const switched = await doctor({ ...options, browser: 'fallback' });
    expect(switched.checks.find((check) => check.name === 'transport')).toMatchObject({
      status: 'healed',
      detail: expect.stringMatching(/403 challenge page\): pages through the browser$/),
    });
    spotify.webPlayer.settings.challengeApis = true;
    const apis = await doctor({ ...options, browser: 'fallback' });
    expect(apis.checks.find((check) => check.name === 'transport')).toMatchObject({
      status: 'healed',
      detail: expect.stringMatching(/api-partner\.spotify\.com.* refused plain HTTP too/),
    });
    spotify.webPlayer.settings.challengeApis = false;
    const refused = await doctor(options);
    expect(refused.stoppedAt).not.toBeNull();
    expect(JSON.stringify(refused.checks)).toMatch(/try --browser-fallback/);
    expect(chromiumProcesses()).toEqual([]);
  }, 120_000);

  it('a missing browser is a clear InvalidInputError; so is a bad option', async () => {
    spotify.add(fakeTrack());
    await using missing = client({ executablePath: '/nonexistent/chromium' });
    const error = await missing.getTrack(fakeTrack().id).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(String((error as Error).message)).toMatch(/could not start Chromium at \/nonexistent\/chromium/);
    expect(findChromium({ PATH: '/nonexistent' })).toBeUndefined();
    const path = process.env['PATH'];
    process.env['PATH'] = '/nonexistent';
    try {
      await using none = client(true);
      await expect(none.getTrack(fakeTrack().id)).rejects.toThrow(/found no Chromium on the PATH/);
    } finally {
      process.env['PATH'] = path;
    }
    expect(() => new AsyncSpotifyClient({ browser: 'always' as never })).toThrow(/browser must be true, 'fallback'/);
    expect(() => new AsyncSpotifyClient({ browser: { headles: true } as never })).toThrow(/unknown field "headles"/);
  }, 120_000);
});
