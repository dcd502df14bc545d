import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type Server } from 'node:http';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';
import type { Handler, SeenRequest } from './loopback.js';

const TLS = join(import.meta.dirname, '..', 'fixtures', 'tls');

export interface TlsProxy {
  /** `http://user:password@127.0.0.1:PORT` */
  url: string;
  /** CONNECT requests the proxy accepted, as `host:port`. */
  tunnels: string[];
  /** Requests that reached the fake Spotify behind the proxy. */
  requests: SeenRequest[];
  /** Client connections to the proxy still open. */
  openSockets(): number;
  close(): Promise<void>;
}

/**
 * An HTTP proxy on 127.0.0.1 that demands Basic credentials and, instead of opening tunnels to the
 * internet, terminates each CONNECT itself with a certificate for Spotify's hosts (signed by the test
 * CA) and answers with `handler`. Nothing leaves the machine.
 */
export async function startTlsProxy(user: string, password: string, handler: Handler): Promise<TlsProxy> {
  const tunnels: string[] = [];
  const requests: SeenRequest[] = [];
  const sockets = new Set<Socket>();
  const expected = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  const spotify: HttpsServer = createHttpsServer(
    { key: readFileSync(join(TLS, 'server-key.pem')), cert: readFileSync(join(TLS, 'server.pem')) },
    (raw, res) => {
      const host = String(raw.headers.host ?? '');
      const url = new URL(raw.url ?? '/', `https://${host}`);
      const seen: SeenRequest = { method: raw.method ?? 'GET', host, path: url.pathname, url, headers: raw.headers };
      requests.push(seen);
      void handler(seen, res, raw as IncomingMessage);
    },
  );
  const proxy: Server = createHttpServer((_req, res) => res.writeHead(405).end());
  proxy.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  proxy.on('connect', (req: IncomingMessage, socket: Socket) => {
    if (req.headers['proxy-authorization'] !== expected) {
      socket.end(
        'HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic\r\nContent-Length: 0\r\n\r\n',
      );
      return;
    }
    tunnels.push(String(req.url));
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    spotify.emit('connection', socket);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const { port } = proxy.address() as AddressInfo;
  return {
    url: `http://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}`,
    tunnels,
    requests,
    openSockets: () => sockets.size,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
      spotify.close();
    },
  };
}
