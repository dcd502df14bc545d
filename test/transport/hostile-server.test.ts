/** Servers that misbehave on purpose: endless error bodies, unknown encodings, redirects that would leak a token. */
import type { ServerResponse } from 'node:http';
import { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AsyncSpotifyClient, HttpError, NetworkError } from '../../src/index.js';
import { DRAIN_LIMIT } from '../../src/http/transport.js';
import { rerouteTo, sendJson, startLoopback, type Loopback } from '../helpers/loopback.js';
import { TOKEN, embedHtml, embedState, trackEntity } from '../helpers/pages.js';

const ENDLESS = 'Endless000000000000000';
const ENCODED = 'Encoded000000000000000';
const DOWNGRADE = 'Downgrade0000000000000';
const CROSS = 'CrossHost0000000000000';

let server: Loopback;
let bytesSent = 0;
const streams = new Set<NodeJS.Timeout>();

/** Writes 16 KiB every millisecond until the client goes away. */
function endless(res: ServerResponse): void {
  const chunk = Buffer.alloc(16_384, 'x');
  const timer = setInterval(() => {
    if (res.destroyed) {
      clearInterval(timer);
      streams.delete(timer);
      return;
    }
    bytesSent += chunk.length;
    res.write(chunk);
  }, 1);
  streams.add(timer);
}

beforeAll(async () => {
  server = await startLoopback((request, res) => {
    const id = request.path.split('/').at(-1);
    if (request.host === 'open.spotify.com' && id === ENDLESS) {
      res.writeHead(500, { 'content-type': 'text/html' });
      return endless(res);
    }
    if (request.host === 'open.spotify.com' && id === ENCODED) {
      res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'zstd-unknown' });
      return endless(res);
    }
    if (request.host === 'open.spotify.com') {
      const state = embedState(trackEntity({ id, uri: `spotify:track:${id}` }));
      res.writeHead(200, { 'content-type': 'text/html' });
      return void res.end(embedHtml(state));
    }
    if (request.host === 'api-partner.spotify.com') {
      const uri = JSON.parse(request.url.searchParams.get('variables') ?? '{}').uri as string;
      if (uri.endsWith(DOWNGRADE))
        return void res
          .writeHead(302, { location: `http://api-partner.spotify.com${request.url.pathname}${request.url.search}` })
          .end();
      if (uri.endsWith(CROSS))
        return void res.writeHead(302, { location: `https://other.spotify.com/elsewhere` }).end();
    }
    return sendJson(res, { errors: [{ message: 'nothing here' }] });
  });
});

afterAll(async () => {
  for (const timer of streams) clearInterval(timer);
  await server.close();
});

/** A client with its own rerouting Agent, so the test can see that Agent close. */
function ownClient(warnings: string[] = []) {
  const agent = new Agent({ keepAliveTimeout: 1000 });
  const client = new AsyncSpotifyClient({
    dispatcher: agent.compose(rerouteTo(server.origin)),
    rateLimit: false,
    retry: false,
    onWarning: (m) => warnings.push(m),
  });
  return { agent, client };
}

describe('hostile servers', () => {
  it('an endless error body is cut after the drain limit and its socket closed', async () => {
    const { agent, client } = ownClient();
    bytesSent = 0;
    await expect(client.getTrack(ENDLESS)).rejects.toBeInstanceOf(HttpError);
    await client.close();
    const closed = agent.close();
    await expect(
      Promise.race([
        closed.then(() => 'closed'),
        new Promise((resolve) => setTimeout(() => resolve('pending'), 3_000)),
      ]),
    ).resolves.toBe('closed');
    // What arrived beyond the drain limit is bounded by socket buffers, not by the server's patience.
    const afterClose = bytesSent;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(bytesSent - afterClose).toBeLessThan(DRAIN_LIMIT.bytes);
  });

  it('an unknown Content-Encoding is a NetworkError with the url, and frees the socket', async () => {
    const { agent, client } = ownClient();
    const error = await client.getTrack(ENCODED).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ code: 'BAD_ENCODING', url: `https://open.spotify.com/embed/track/${ENCODED}` });
    await client.close();
    await expect(
      Promise.race([
        agent.close().then(() => 'closed'),
        new Promise((resolve) => setTimeout(() => resolve('pending'), 3_000)),
      ]),
    ).resolves.toBe('closed');
  });

  it('a redirect from https to http is refused: the token is never sent in clear', async () => {
    const warnings: string[] = [];
    const { agent, client } = ownClient(warnings);
    const start = server.requests.length;
    await client.getTrack(DOWNGRADE);
    expect(warnings.join('\n')).toMatch(/REDIRECT_REFUSED|no downgrade/);
    expect(server.requests.slice(start).filter((r) => r.url.protocol === 'http:')).toEqual([]);
    expect(server.requests.slice(start).map((r) => r.host)).toEqual(['open.spotify.com', 'api-partner.spotify.com']);
    await client.close();
    await agent.close();
  });

  it("the partner API's redirect to another host is not followed: the token never leaves its family", async () => {
    const { agent, client } = ownClient();
    const start = server.requests.length;
    await client.getTrack(CROSS); // the embed data, with a warning
    const [api, ...rest] = server.requests.slice(start + 1);
    expect(api?.headers['authorization']).toBe(`Bearer ${TOKEN}`);
    expect(rest.filter((request) => request.host === 'other.spotify.com')).toEqual([]);
    await client.close();
    await agent.close();
  });
});
