import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Dispatcher } from 'undici';
import { entityUri, isEntityType, type AnyEntity, type EntityType } from '../models/entities.js';
import { INTENDED_HOST_HEADER, routeTo } from './route.js';
import { FAKE_TOKEN, embedPage, notFoundPage } from './embed-pages.js';
import { partnerAnswer } from './partner-answers.js';
import { withArticle } from '../words.js';

/** A request the fake Spotify received, with the host the client meant. */
export interface FakeRequest {
  host: string;
  path: string;
  url: URL;
  /** The partner API operation, for API requests. */
  operation: string | null;
}

/**
 * A fake Spotify on 127.0.0.1 for tests of code that uses the client: it serves the embed pages and
 * partner API answers of the entities you add, in Spotify's shapes, and `dispatcher` routes a client
 * to it. Nothing leaves the machine.
 *
 * ```ts
 * await using spotify = await startFakeSpotify();
 * const track = spotify.add(fakeTrack({ name: 'Song' }));
 * await using client = new AsyncSpotifyClient({ dispatcher: spotify.dispatcher });
 * expect(await client.getTrack(track.id)).toEqual(track);
 * ```
 *
 * An id it does not know answers Spotify's "Page not found" (a NotFoundError). Preview URLs of list
 * items past an embed's first 100 are not carried, as on Spotify.
 */
export class FakeSpotify {
  readonly #entities = new Map<string, AnyEntity>();
  readonly #sockets = new Set<Socket>();
  #closing: Promise<void> | undefined;
  /** Every request received, in order. */
  readonly requests: FakeRequest[] = [];

  readonly #server: Server;

  private constructor(
    server: Server,
    /** `http://127.0.0.1:PORT`. */
    readonly origin: string,
    /** An undici dispatcher that sends every request of a client here. Closed by `close()`. */
    readonly dispatcher: Dispatcher,
  ) {
    this.#server = server;
    server.on('connection', (socket: Socket) => {
      this.#sockets.add(socket);
      socket.on('close', () => this.#sockets.delete(socket));
    });
    server.on('request', (request: IncomingMessage, response: ServerResponse) => this.#answer(request, response));
  }

  static async start(): Promise<FakeSpotify> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return new FakeSpotify(server, origin, routeTo(origin));
  }

  /** Serves `entity` (any model) from now on, and returns it. */
  add<T extends AnyEntity>(entity: T): T {
    this.#entities.set(entity.uri, entity);
    return entity;
  }

  /** Stops serving the entity with this uri (it becomes "not found"). */
  remove(uri: string): void {
    this.#entities.delete(uri);
  }

  /** Stops the server and its dispatcher. Idempotent: a second call waits for the first. */
  close(): Promise<void> {
    this.#closing ??= (async () => {
      await this.dispatcher.close();
      for (const socket of this.#sockets) socket.destroy();
      await new Promise<void>((resolve) => this.#server.close(() => resolve()));
    })();
    return this.#closing;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }

  #answer(request: IncomingMessage, response: ServerResponse): void {
    const host = String(request.headers[INTENDED_HOST_HEADER] ?? request.headers.host ?? '');
    const url = new URL(request.url ?? '/', `https://${host}`);
    const operation = url.searchParams.get('operationName');
    this.requests.push({ host, path: url.pathname, url, operation });
    if (host === 'api-partner.spotify.com') return this.#api(request, url, operation, response);
    const embed = /^\/embed\/(\w+)\/([0-9A-Za-z]{22})\/?$/.exec(url.pathname);
    const entity =
      embed && isEntityType(embed[1] as string)
        ? this.#entities.get(entityUri(embed[1] as EntityType, embed[2] as string))
        : undefined;
    if (!entity) return send(response, 404, 'text/html', notFoundPage());
    send(response, 200, 'text/html; charset=utf-8', embedPage(entity));
  }

  #api(request: IncomingMessage, url: URL, operation: string | null, response: ServerResponse): void {
    if (request.headers['authorization'] !== `Bearer ${FAKE_TOKEN}`)
      return send(
        response,
        401,
        'application/json',
        JSON.stringify({ error: { status: 401, message: 'Invalid access token' } }),
      );
    let variables: { uri?: string; offset?: number; limit?: number };
    try {
      variables = JSON.parse(url.searchParams.get('variables') ?? '{}') as typeof variables;
    } catch {
      return send(response, 400, 'application/json', JSON.stringify({ errors: [{ message: 'bad variables' }] }));
    }
    const entity = variables.uri === undefined ? undefined : this.#entities.get(variables.uri);
    const data = entity && operation ? partnerAnswer(entity, operation, variables) : undefined;
    const body = data
      ? { data }
      : {
          errors: [
            {
              message: entity
                ? `PersistedQueryNotFound (the fake serves no ${operation} for ${withArticle(entity.type)})`
                : 'NotFound',
            },
          ],
          data: null,
        };
    send(response, 200, 'application/json', JSON.stringify(body));
  }
}

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
  response.end(body);
}

/** Starts a fake Spotify on a free port of 127.0.0.1. */
export function startFakeSpotify(): Promise<FakeSpotify> {
  return FakeSpotify.start();
}
