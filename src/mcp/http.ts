import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { InvalidInputError } from '../errors.js';
import { loadMcpSdk } from './load-sdk.js';

/** The most a request body may hold. */
const MAX_BODY_BYTES = 4 * 1024 * 1024;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

export interface McpHttpOptions {
  /** The address to listen on. @default '127.0.0.1' */
  host?: string | undefined;
  /** @default a free port */
  port?: number | undefined;
  /** A bearer token every request must carry; required to listen on anything but loopback. */
  token?: string | undefined;
  /** A fresh server for one request (stateless Streamable HTTP), over the one client. */
  build: () => Promise<McpServer>;
}

/**
 * Streamable HTTP on `host:port/mcp` (stateless: each POST is answered by a server of its own over the
 * one client). On loopback the Host and Origin headers must name this server (against DNS
 * rebinding); another address is refused without `token`; with a token every request must carry it.
 */
export async function serveMcpHttp(options: McpHttpOptions): Promise<{ url: string; close: () => Promise<void> }> {
  const host = options.host ?? '127.0.0.1';
  const loopback = LOOPBACK.has(host);
  if (!loopback && !options.token)
    throw new InvalidInputError(
      `mcp --http listens on ${host} only with --token (a bearer token every request must carry)`,
    );
  const { StreamableHTTPServerTransport } = await loadMcpSdk();
  const expected = options.token === undefined ? undefined : digest(`Bearer ${options.token}`);
  let allowedHosts = new Set<string>();
  let allowedOrigins = new Set<string>();
  const http = createServer((request, response) => {
    void answer(request, response).catch(() => {
      if (!response.headersSent) send(response, 500, 'Internal error');
      else response.end();
    });
  });
  const answer = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    if (path !== '/mcp') return send(response, 404, 'Not found: the server is at /mcp');
    if (loopback && !allowedHosts.has(String(request.headers.host ?? '').toLowerCase()))
      return send(response, 403, 'Forbidden: this Host is not the server');
    const origin = request.headers.origin;
    if (loopback && origin !== undefined && !allowedOrigins.has(origin.toLowerCase()))
      return send(response, 403, 'Forbidden: this Origin may not call the server');
    if (expected !== undefined) {
      const given = digest(String(request.headers.authorization ?? ''));
      if (!timingSafeEqual(given, expected)) {
        response.setHeader('www-authenticate', 'Bearer');
        return send(response, 401, 'Unauthorized: a bearer token is required');
      }
    }
    if (request.method !== 'POST') return send(response, 405, 'Method not allowed: POST JSON-RPC to /mcp');
    let body: unknown;
    try {
      body = JSON.parse(await readBody(request));
    } catch {
      return send(response, 400, 'Bad request: the body is not JSON');
    }
    const server = await options.build();
    // Stateless: no session id (the option left out), JSON answers.
    const transport = new StreamableHTTPServerTransport({ enableJsonResponse: true });
    response.on('close', () => {
      void transport.close();
      void server.close();
    });
    await server.connect(transport as never);
    await transport.handleRequest(request, response, body);
  };
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = http.address() as AddressInfo;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
  allowedOrigins = new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`, `http://[::1]:${port}`]);
  const shown = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shown}:${port}/mcp`,
    close: () =>
      new Promise<void>((resolve) => {
        http.closeAllConnections();
        http.close(() => resolve());
      }),
  };
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

function send(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'content-type': 'text/plain' }).end(`${text}\n`);
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
