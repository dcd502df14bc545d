import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClientClosedError, NetworkError, TimeoutError } from '../../src/index.js';
import { clientFor, startFakeSpotify } from '../helpers/fake-spotify.js';
import { sendHtml, type Loopback } from '../helpers/loopback.js';
import { embedHtml, embedState, trackEntity } from '../helpers/pages.js';

const ID = '0DiWol3AO6WpXZgp0goxAV';
const pageFor = (id: string) => embedHtml(embedState(trackEntity({ id, uri: `spotify:track:${id}` })));
const page = pageFor(ID);
const path = (suffix: string) => `/embed/track/${suffix}`;
const ids = {
  gzip: 'gzip000000000000000000',
  br: 'brot000000000000000000',
  deflate: 'defl000000000000000000',
  slow: 'slow000000000000000000',
  held: 'held000000000000000000',
  huge: 'huge000000000000000000',
  hop: 'hopA000000000000000000',
  away: 'away000000000000000000',
  loop: 'loop000000000000000000',
};

let server: Loopback;
let release: (() => void) | undefined;

beforeAll(async () => {
  server = await startFakeSpotify({
    [path(ID)]: page,
    [path(ids.gzip)]: (_r, res) =>
      sendHtml(res, gzipSync(pageFor(ids.gzip)) as unknown as string, 200, { 'content-encoding': 'gzip' }),
    [path(ids.br)]: (_r, res) =>
      sendHtml(res, brotliCompressSync(pageFor(ids.br)) as unknown as string, 200, { 'content-encoding': 'br' }),
    [path(ids.deflate)]: (_r, res) =>
      sendHtml(res, deflateSync(pageFor(ids.deflate)) as unknown as string, 200, { 'content-encoding': 'deflate' }),
    [path(ids.slow)]: () => undefined, // never answers
    [path(ids.held)]: (_r, res) =>
      new Promise<void>((resolve) => {
        release = () => {
          release = undefined;
          sendHtml(res, pageFor(ids.held));
          resolve();
        };
      }),
    [path(ids.huge)]: (_r, res) => sendHtml(res, page + ' '.repeat(50_000)),
    [path(ids.hop)]: (_r, res) =>
      sendHtml(res, '', 302, { location: `https://open.spotify.com/embed/track/${ids.hop}/` }),
    [`${path(ids.hop)}/`]: pageFor(ids.hop),
    [path(ids.away)]: (_r, res) => sendHtml(res, '', 301, { location: 'https://evil.example.com/steal' }),
    [path(ids.loop)]: (_r, res) => sendHtml(res, '', 302, { location: `/embed/track/${ids.loop}` }),
    '/shortAbc': (_r, res) => sendHtml(res, '', 307, { location: `https://open.spotify.com/track/${ID}?si=x` }),
    '/shortPage': (_r, res) =>
      sendHtml(res, `<html><a href="https://open.spotify.com/track/${ID}?si=y">Open</a></html>`),
    '/shortNowhere': (_r, res) => sendHtml(res, '<html>expired link</html>'),
  });
});

afterAll(async () => {
  release?.();
  await server.close();
});

describe('requests', () => {
  it('sends browser-like headers, the locale as Accept-Language and extra headers', async () => {
    await using client = clientFor(server, { locale: 'de-DE', headers: { 'X-Extra': '1' } });
    await client.getTrack(ID);
    const seen = server.requests.at(-1);
    expect(seen?.headers['user-agent']).toMatch(/Mozilla\/5\.0 .*Chrome/);
    expect(seen?.headers['accept']).toContain('text/html');
    expect(seen?.headers['accept-encoding']).toContain('gzip');
    expect(seen?.headers['accept-language']).toBe('de-DE,de;q=0.9');
    expect(seen?.headers['x-extra']).toBe('1');
  });

  it.each(['gzip', 'br', 'deflate'] as const)('decodes %s bodies', async (encoding) => {
    await using client = clientFor(server);
    await expect(client.getTrack(ids[encoding])).resolves.toMatchObject({ name: 'One More Time' });
  });

  it('refuses a body over the page size cap', async () => {
    await using client = clientFor(server, { maxPageBytes: 20_000 });
    await expect(client.getTrack(ids.huge)).rejects.toMatchObject({ name: 'NetworkError', code: 'BODY_TOO_LARGE' });
  });
});

describe('redirects', () => {
  it('follows a redirect within Spotify hosts', async () => {
    await using client = clientFor(server);
    await expect(client.getTrack(ids.hop)).resolves.toMatchObject({ id: ids.hop });
    expect(server.requests.at(-1)?.path).toBe(`${path(ids.hop)}/`);
  });

  it('refuses a redirect to another host and more than 5 hops', async () => {
    await using client = clientFor(server);
    await expect(client.getTrack(ids.away)).rejects.toMatchObject({ code: 'REDIRECT_REFUSED' });
    const before = server.requests.length;
    await expect(client.getTrack(ids.loop)).rejects.toMatchObject({ code: 'TOO_MANY_REDIRECTS' });
    expect(server.requests.length - before).toBe(6);
  });

  it('resolves a spotify.link short link without fetching the landing page', async () => {
    await using client = clientFor(server);
    const before = server.requests.length;
    await expect(client.getTrack('https://spotify.link/shortAbc')).resolves.toMatchObject({ id: ID });
    expect(server.requests.slice(before).map((r) => `${r.host}${r.path}`)).toEqual([
      'spotify.link/shortAbc',
      `open.spotify.com/embed/track/${ID}`,
    ]);
  });

  it('reads a short link answered with a page instead of a redirect; a dead one is NotFoundError', async () => {
    await using client = clientFor(server);
    await expect(client.getTrack('spotify.link/shortPage')).resolves.toMatchObject({ id: ID });
    await expect(client.getTrack('https://spotify.link/shortNowhere')).rejects.toMatchObject({ name: 'NotFoundError' });
  });
});

describe('timeouts, aborts and close', () => {
  it('a stalled server is a TimeoutError after `timeout` ms', async () => {
    await using client = clientFor(server, { timeout: 150 });
    const error = await client.getTrack(ids.slow).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toBeInstanceOf(NetworkError);
  });

  it('an abort rejects with the signal reason', async () => {
    await using client = clientFor(server);
    const controller = new AbortController();
    const call = client.getTrack(ids.slow, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('user stop')), 30);
    await expect(call).rejects.toThrow('user stop');
    await expect(client.getTrack(ID, { signal: AbortSignal.abort('already') })).rejects.toBe('already');
  });

  it('close() waits for calls in flight, then refuses new ones; it is idempotent', async () => {
    const client = clientFor(server);
    const inFlight = client.getTrack(ids.held);
    // Wait (real time) until the server holds the request.
    for (let i = 0; i < 400 && release === undefined; i += 1) await new Promise((resolve) => setTimeout(resolve, 5));
    const closing = client.close();
    await expect(client.getTrack(ID)).rejects.toBeInstanceOf(ClientClosedError);
    release?.();
    await expect(inFlight).resolves.toMatchObject({ id: ids.held });
    await closing;
    await client.close();
    expect(client.closed).toBe(true);
  });

  it('never closes a borrowed dispatcher', async () => {
    const client = clientFor(server);
    await client.getTrack(ID);
    await client.close();
    const response = await request(`http://open.spotify.com${path(ID)}`, { dispatcher: server.dispatcher });
    expect(response.statusCode).toBe(200);
    await response.body.text();
  });
});
