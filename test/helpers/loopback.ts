import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { Agent, type Dispatcher } from 'undici';

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
}

const ORIGINAL_HOST = 'x-test-original-host';

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
  return {
    origin,
    requests,
    dispatcher,
    async close() {
      await agent.close();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** An interceptor that sends a request to `origin`, remembering the host it was meant for. */
export function rerouteTo(origin: string): Dispatcher.DispatcherComposeInterceptor {
  return (dispatch) => (options, handler) => {
    const intended = new URL(String(options.origin)).host;
    const headers = addHeader(options.headers, ORIGINAL_HOST, intended);
    return dispatch({ ...options, origin, headers }, handler);
  };
}

type Headers = NonNullable<Dispatcher.DispatchOptions['headers']>;

function addHeader(headers: Dispatcher.DispatchOptions['headers'], name: string, value: string): Headers {
  if (headers == null) return { [name]: value };
  if (Array.isArray(headers)) return [...headers, name, value] as string[];
  if (typeof (headers as Iterable<unknown>)[Symbol.iterator] === 'function') {
    return [...(headers as Iterable<[string, string]>), [name, value]] as unknown as Headers;
  }
  return { ...(headers as Record<string, string>), [name]: value };
}

/** Writes an HTML body with a status. */
export function sendHtml(res: ServerResponse, body: string, status = 200, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers });
  res.end(body);
}

export function sendJson(res: ServerResponse, body: unknown, status = 200): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
