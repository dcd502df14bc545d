/**
 * A replay server for recorded responses: `demo/recordings/<host>/<path>` files served on 127.0.0.1.
 * A request for https://open.spotify.com/embed/track/ID is answered from
 * `demo/recordings/open.spotify.com/embed/track/ID.html`; partner API queries from
 * `demo/recordings/api-partner.spotify.com/<operationName>/<uri>[@offset].json`; media from
 * `demo/recordings/<host>/<path>` as they are.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize, resolve } from 'node:path';
import { Agent, type Dispatcher } from 'undici';
import { INTENDED_HOST_HEADER, routeInterceptor as rerouteTo } from '../src/testing/route.js';

export const RECORDINGS = resolve(import.meta.dirname, '..', 'demo', 'recordings');

export interface ReplayServer {
  origin: string;
  /** Routes every request of a client to this server: pass it as the `dispatcher` option. */
  dispatcher: Dispatcher;
  close(): Promise<void>;
}

/** The recording file that answers a request, or undefined when none should. */
export function recordingPath(host: string, url: URL): string | undefined {
  if (url.pathname === '/pathfinder/v1/query') {
    const operation = url.searchParams.get('operationName') ?? '';
    const variables = JSON.parse(url.searchParams.get('variables') ?? '{}') as { uri?: string; offset?: number };
    const offset = variables.offset ? `@${variables.offset}` : '';
    return join(host, operation, `${(variables.uri ?? '').replaceAll(':', '_')}${offset}.json`);
  }
  // Embed pages get .html; media (covers, previews) are stored under their own path.
  const file = normalize(url.pathname.startsWith('/embed/') ? `${url.pathname}.html` : url.pathname);
  return file.includes('..') ? undefined : join(host, file);
}

function contentType(path: string): string {
  if (path.endsWith('.json')) return 'application/json';
  if (path.endsWith('.html')) return 'text/html; charset=utf-8';
  return path.includes('/image/') ? 'image/jpeg' : 'audio/mpeg';
}

export async function startReplayServer(root = RECORDINGS): Promise<ReplayServer> {
  const server: Server = createServer((request, response) => {
    const host = String(request.headers[INTENDED_HOST_HEADER] ?? request.headers.host);
    const path = recordingPath(host, new URL(request.url ?? '/', `https://${host}`));
    (path ? readFile(join(root, path)) : Promise.reject(new Error('no recording'))).then(
      (body) => response.writeHead(200, { 'content-type': contentType(path as string) }).end(body),
      () => response.writeHead(404, { 'content-type': 'text/plain' }).end('no recording'),
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const agent = new Agent();
  return {
    origin,
    dispatcher: agent.compose(rerouteTo(origin)),
    async close() {
      await agent.close();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}
