/**
 * Trust, round 4: capture, replay and the text the library prints ("#8" is item 8 of the round).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AsyncSpotifyClient, AuthenticationError, InvalidInputError, capture } from '../../src/index.js';
import { recordExchange } from '../../src/capture/recording.js';
import { readCookiesFile } from '../../src/spclient/cookies.js';
import { cell } from '../../src/cli/doctor-command.js';
import { quote, redact } from '../../src/redact.js';
import { findRouteChunks } from '../../src/web-player/scan.js';
import { fakePlaylist, fakeTrack, startFakeSpotify } from '../../src/testing/index.js';

const exchange = (over: Partial<Parameters<typeof recordExchange>[0]>) =>
  recordExchange({
    method: 'GET',
    url: new URL('https://open.spotify.com/embed/track/4uLU6hMCjMI75M1A2tKUQC'),
    requestBody: undefined,
    status: 200,
    headers: {},
    body: Buffer.from(''),
    ...over,
  });

describe('#3 the route-chunk scan is linear', () => {
  it('a hostile bundle of many ".js" and maps is read in well under a second', () => {
    const code = '{1:"xpui-a"}".js"'.repeat(40_000) + '".js"'.repeat(40_000);
    const started = performance.now();
    findRouteChunks(code, 'https://open.spotifycdn.com/cdn/build/web-player/web-player.0a1b2c3d.js');
    // A hang detector, not a benchmark: the quadratic scan took ~15 s on this input.
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe('#4 capture reads the web player page in one linear scan', () => {
  it('a 0.6 MB page of unclosed script tags is recorded at once', () => {
    const html = `<html>${'<script '.repeat(80_000)}</html>`;
    const started = performance.now();
    const recorded = exchange({
      url: new URL('https://open.spotify.com/'),
      headers: { 'content-type': 'text/html' },
      body: Buffer.from(html),
    });
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(recorded.body).toMatch(/^<!DOCTYPE html>/);
  });
});

describe('#8 entity text holding replacement patterns', () => {
  it('a playlist description with $& and $` does not splice the page back into the capture', async () => {
    await using spotify = await startFakeSpotify();
    const playlist = spotify.add(fakePlaylist({ description: "Sale $& more $` and $' end" }, 3));
    const file = await capture([playlist.uri], { dispatcher: spotify.dispatcher, rateLimit: false, retry: false });
    const page = file.exchanges.find((e) => e.path === `/embed/playlist/${playlist.id}`);
    expect(page?.body).toBeDefined();
    // The page's data script appears once, redacted; no correlation or client id survives.
    expect(page?.body?.split('__NEXT_DATA__').length).toBe(2);
    expect(page?.body).not.toMatch(/"correlationId":"(?!REDACTED)/);
    expect(page?.body).not.toMatch(/"clientId":"(?!REDACTED)/);
    await using replay = await startFakeSpotify({ replay: file });
    await using client = new AsyncSpotifyClient({ dispatcher: replay.dispatcher, rateLimit: false, retry: false });
    expect((await client.getPlaylist(playlist.uri)).description).toBe(playlist.description);
  });
});

describe('#14 a malformed capture is an InvalidInputError naming the exchange', () => {
  const base = { format: 'spotify-scraper-capture' as const, version: 1 as const, capturedAt: '', calls: [] };
  it.each([
    ['a null exchange', [null], /exchange 0 is not an object/],
    [
      'variables nested 20,000 deep',
      [
        {
          method: 'GET',
          host: 'api-partner.spotify.com',
          path: '/pathfinder/v1/query',
          operation: 'getTrack',
          hash: 'a'.repeat(64),
          status: 200,
          headers: {},
          variables: JSON.parse(`${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`),
        },
      ],
      /exchange 0 has variables nested deeper than 32/,
    ],
    [
      'a status that is not one',
      [
        {
          method: 'GET',
          host: 'h',
          path: '/',
          operation: null,
          hash: null,
          variables: null,
          headers: {},
          status: 'ok',
        },
      ],
      /exchange 0 has no HTTP status/,
    ],
  ])('%s', async (_name, exchanges, message) => {
    const error = await startFakeSpotify({ replay: { ...base, exchanges: exchanges as never } }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as Error).message).toMatch(message);
  });
});

describe('capture keeps no secret in a body', () => {
  it('a body without a content-type that is text is redacted, not kept as base64', () => {
    const recorded = exchange({
      url: new URL('https://open.spotify.com/api/token'),
      body: Buffer.from('{"accessToken":"BQsecret-token","clientId":"abc"}'),
    });
    expect(recorded.base64).toBeUndefined();
    expect(recorded.body).not.toMatch(/BQsecret-token/);
  });

  it('the recorder reads no more of a body than the client would (its size cap)', async () => {
    await using spotify = await startFakeSpotify();
    const track = spotify.add(fakeTrack({ name: 'x'.repeat(50_000) }));
    const error = await capture([track.uri], {
      dispatcher: spotify.dispatcher,
      rateLimit: false,
      retry: false,
      maxPageBytes: 10_000,
      maxMediaBytes: 10_000,
    }).then((file) => file.calls[0]);
    expect(error).toMatchObject({ ok: false });
  });
});

describe('#15 redaction in escaped JSON and in quote()', () => {
  it('redact() finds accessToken quoted inside JSON', () => {
    expect(redact('{\\"accessToken\\":\\"BQabc123\\"}')).toBe('{\\"accessToken\\":\\"***\\"}');
  });
  it('quote() redacts before it quotes', () => {
    expect(quote('{"accessToken":"BQabc123"}')).not.toMatch(/BQabc123/);
    expect(quote('answer: {"token":"AAAsecret","x":1}')).not.toMatch(/AAAsecret/);
  });
});

describe('#16 a cookies file is checked before it is read', () => {
  it('a device (/dev/zero) is refused at once, reading nothing', async () => {
    const started = performance.now();
    const error = await readCookiesFile('/dev/zero').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as Error).message).toMatch(/not a regular file/);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
  it('a file larger than a cookies file is refused by its size', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cookies-'));
    try {
      const file = join(dir, 'cookies.txt');
      await writeFile(file, Buffer.alloc(2 * 1024 * 1024, 0x41));
      await expect(readCookiesFile(file)).rejects.toThrow(/more than a cookies file holds/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('#17 the doctor table shows network text escaped', () => {
  it('terminal escapes and line breaks cannot forge a line', () => {
    expect(cell('1.2.3\u001b[2J\nweb player  ok  forged')).toBe('1.2.3\\u001b[2J\\u000aweb player  ok  forged');
  });
});
