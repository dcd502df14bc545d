import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { Agent, type Dispatcher } from 'undici';
import { INTENDED_HOST_HEADER, routeInterceptor as rerouteTo } from '../../src/testing/route.js';

/** A request as the loopback server saw it. `host` is the host the client meant (before rerouting). */
export interface SeenRequest {
  method: string;
  host: string;
  path: string;
  url: URL;
  headers: IncomingMessage['headers'];
}

export type Handler = (request: SeenRequest, res: ServerResponse, raw: IncomingMessage) => void | Promise<void>;

export interface Loopback {
  origin: string;
  requests: SeenRequest[];
  /** An Agent that sends every request, whatever its host, to this server. Close it after use. */
  dispatcher: Dispatcher;
  close(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

const ORIGINAL_HOST = INTENDED_HOST_HEADER;

/** Starts a node:http server on 127.0.0.1, port 0. */
export async function startLoopback(handler: Handler): Promise<Loopback> {
  const requests: SeenRequest[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((raw, res) => {
    const host = String(raw.headers[ORIGINAL_HOST] ?? raw.headers.host ?? '');
    const url = new URL(raw.url ?? '/', `https://${host}`);
    const seen: SeenRequest = { method: raw.method ?? 'GET', host, path: url.pathname, url, headers: raw.headers };
    requests.push(seen);
    Promise.resolve(handler(seen, res, raw)).catch((error: unknown) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  const agent = new Agent({ keepAliveTimeout: 1000 });
  const dispatcher = agent.compose(rerouteTo(origin));
  const close = async (): Promise<void> => {
    await agent.close();
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return { origin, requests, dispatcher, close, [Symbol.asyncDispose]: close };
}

export { rerouteTo };

/** Writes an HTML body with a status. */
export function sendHtml(res: ServerResponse, body: string, status = 200, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers });
  res.end(body);
}

export function sendJson(res: ServerResponse, body: unknown, status = 200): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
