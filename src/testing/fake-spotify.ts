import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Dispatcher } from 'undici';
import type { ClientOptions } from '../options.js';
import { entityUri, isEntityType, type AnyEntity, type EntityType } from '../models/entities.js';
import { INTENDED_HOST_HEADER, routeTo } from './route.js';
import { FAKE_TOKEN, embedPage, notFoundPage } from './embed-pages.js';
import { FakeWebPlayer } from './fake-web-player.js';
import { fakeTrack } from './factories.js';
import { NOT_FOUND, OPERATION_ANSWERS, type FakeWorld, type OperationAnswer } from './operation-answers.js';
import { Replay } from './replay.js';
import { headerOf, readBody, readQuery, type Query } from './fake-request.js';
import { html, json, text, type FakeAnswer } from './fake-answer.js';
import type { CaptureFile } from '../capture/recording.js';
import { NOT_IN_CAPTURE_HEADER } from '../http/response-errors.js';
import { BOOTSTRAP_TRACK_ID } from '../partner/anonymous-token.js';
import { FakeAuth } from './fake-auth.js';
import { FakeDiscovery } from './fake-discovery.js';
import type * as M from '../models/index.js';
import { mediaFile, mediaUrlsOf, type MediaFile } from './media-files.js';
import { FakeSpclient } from './fake-spclient.js';
import { FakeFaults, faultAnswer, sendSpoiled, type FakeFault, type FakeFaultScope } from './fake-faults.js';
import { albumOf, faultTarget, itemsOf, shortLinkTarget } from './fake-items.js';

/** A request the fake Spotify received, with the host the client meant. */
export interface FakeRequest {
  method: string;
  host: string;
  path: string;
  url: URL;
  /** The partner API operation, for API requests (v1 and v2). */
  operation: string | null;
  /** The persisted-query hash it asked with, for API requests. */
  hash: string | null;
  headers: IncomingMessage['headers'];
  /** When it arrived (`Date.now()` on the fake's side). */
  receivedAt: number;
}

/**
 * A fake Spotify on 127.0.0.1 for tests of code that uses the client: it serves the embed pages and
 * partner API answers of the entities you add, in Spotify's shapes, a web player whose hashes a test
 * can rotate (`webPlayer`), and `dispatcher` routes a client to it. Nothing leaves the machine.
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
  /** The items of what was added (a playlist's tracks…), served as entities but not searched. */
  readonly #items = new Map<string, AnyEntity>();
  /** Media URLs of what was added (covers, previews, Canvas videos) -> the file served. */
  readonly #media = new Map<string, MediaFile>();
  /** The discovery operations' answers over what was added, and what a test set for them. */
  readonly #discovery = new FakeDiscovery(this.#entities, () => this.#media.keys());
  /** Answers a test gave (`answerOperation`), before the built-in ones. */
  readonly #answers = new Map<string, OperationAnswer>();
  readonly #faults = new FakeFaults();
  /** Short link codes -> the open.spotify.com URL they lead to. */
  readonly #shortLinks = new Map<string, string>();
  readonly #sockets = new Set<Socket>();
  readonly #server: Server;
  #closing: Promise<void> | undefined;
  #replay: Replay | undefined;
  /** Every request received, in order. */
  readonly requests: FakeRequest[] = [];
  /** The fake web player and the rules of its pathfinder (accepted hashes, v1/v2, client token). */
  readonly webPlayer = new FakeWebPlayer();
  /** The account side: the cookie it takes, TOTP versions, server time, minted tokens, product state. */
  readonly auth = new FakeAuth();
  /** What the account side serves (lyrics, credits, Canvases, transcripts, users) and spclient's answers. */
  readonly #account = new FakeSpclient(this.auth, (id) => this.#entity(entityUri('track', id))?.type === 'track');
  readonly #bootstrap = fakeTrack({ id: BOOTSTRAP_TRACK_ID, name: 'Never Gonna Give You Up' });

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
    server.on('request', (request: IncomingMessage, response: ServerResponse) => {
      this.#answer(request, response).catch((error: unknown) => {
        if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
        response.end(String(error));
      });
    });
  }

  static async start(options: FakeSpotifyOptions = {}): Promise<FakeSpotify> {
    const replay = options.replay === undefined ? undefined : new Replay(options.replay);
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const fake = new FakeSpotify(server, origin, routeTo(origin));
    fake.#replay = replay;
    return fake;
  }

  /**
   * Options for a client of this fake: routed here, no rate limit or retries, a cache and fleet namespace
   * of its own (never production entries). A fresh object: `{ ...spotify.clientOptions, cache: true }`.
   */
  get clientOptions(): ClientOptions & { dispatcher: Dispatcher } {
    return { dispatcher: this.dispatcher, rateLimit: false, retry: false, namespace: `fake-spotify:${this.origin}` };
  }

  /**
   * Serves `entity` (any model) from now on, and returns it. The items it lists (a playlist's tracks
   * and episodes, an album's tracks, a show's episodes, an artist's top tracks) are served as entities
   * too, unless one of the same uri was added: code that gets a playlist, then each of its tracks, works.
   */
  add<T extends AnyEntity>(entity: T): T {
    this.#entities.set(entity.uri, entity);
    this.#serveMedia(entity);
    for (const item of itemsOf(entity)) this.#serveItem(item);
    return entity;
  }

  #serveItem(item: AnyEntity): void {
    if (this.#items.has(item.uri)) return;
    this.#items.set(item.uri, item);
    this.#serveMedia(item);
  }

  #entity(uri: string): AnyEntity | undefined {
    return this.#entities.get(uri) ?? this.#items.get(uri);
  }

  /**
   * Fails the next `times` (default 1) entity requests in `scope` (a value, a type, or all) with `fault`:
   * a status (with `retryAfter`), a slow or truncated body, or a rotated hash.
   */
  fail(fault: FakeFault, scope: FakeFaultScope = {}): void {
    this.#faults.add(fault, scope);
  }

  /** A `spotify.link` short link that leads to `value` (a `spotify:TYPE:ID` URI or an open.spotify.com URL). */
  addShortLink(value: string, code = `fake${this.#shortLinks.size + 1}`): string {
    this.#shortLinks.set(code, shortLinkTarget(value));
    return `https://spotify.link/${code}`;
  }

  /** Serves these lyrics to spclient's color-lyrics (with an account token). */
  addLyrics<T extends M.Lyrics>(lyrics: T): T {
    this.#account.lyrics.set(lyrics.trackId, lyrics);
    return lyrics;
  }

  /** Serves these credits: keyless from the partner API and, with an account token, from spclient. */
  addCredits<T extends M.Credits>(credits: T): T {
    this.#account.credits.set(credits.trackId, credits);
    return credits;
  }

  /** Serves this Canvas (and its video at its URL); `null` with a track id: the track has none. */
  addCanvas<T extends M.Canvas>(canvas: T): T {
    this.#account.canvases.set(canvas.trackId, canvas);
    this.#serveMedia(canvas);
    return canvas;
  }

  /** The track has no Canvas (the operation answers `canvas: null`). */
  removeCanvas(trackId: string): void {
    this.#account.canvases.set(trackId, null);
  }

  /** Serves this transcript to spclient's transcript-read-along (with an account token). */
  addTranscript<T extends M.Transcript>(transcript: T): T {
    this.#account.transcripts.set(transcript.episodeId, transcript);
    return transcript;
  }

  /** Serves this profile to spclient's user-profile-view (with an account token). */
  addUser<T extends M.UserProfile>(user: T): T {
    this.#account.users.set(user.id, user);
    this.#serveMedia(user);
    return user;
  }

  /** The artist's discography, newest first; without one set, the added albums naming the artist. */
  setDiscography(artistId: string, releases: readonly M.Release[]): void {
    this.#discovery.setDiscography(artistId, releases);
    // Each release is an album too (without its tracks, unless one was added).
    for (const release of releases) this.#serveItem(albumOf(release));
  }

  /** The artists Spotify relates to this one ("Fans also like"); default none. */
  setRelatedArtists(artistId: string, artists: readonly M.ArtistSummary[]): void {
    this.#discovery.setRelatedArtists(artistId, artists);
  }

  /** The albums Spotify recommends from this track; default none. */
  setSimilarAlbums(trackId: string, albums: readonly M.Release[]): void {
    this.#discovery.setSimilarAlbums(trackId, albums);
  }

  /** The tracks Spotify recommends from this one; default none. */
  setRecommendations(trackId: string, tracks: readonly M.Track[]): void {
    this.#discovery.setRecommendations(trackId, tracks);
    for (const track of tracks) this.#serveItem(track);
  }

  /** A track's ISRC in spclient's metadata (`null`: none); an added track has one made from its id without this. */
  setIsrc(trackId: string, isrc: string | null): void {
    this.#account.isrcs.set(trackId, isrc);
  }

  /** The concerts Spotify lists for this artist; default none. */
  setConcerts(artistId: string, concerts: readonly M.Concert[]): void {
    this.#discovery.setConcerts(artistId, concerts);
  }

  /**
   * The colours of a picture (an `https://i.scdn.co/image/<id>` URL, a `spotify:image:<id>` URI or
   * the id). Any picture of an added entity has colours made from its id without this.
   */
  setColors(image: string, colors: M.Colors): void {
    this.#discovery.setColors(image, colors);
  }

  /**
   * Answers the persisted query `operationName` with `data(variables, { hash })` (the document under `data`),
   * or Spotify's "NotFound" when it returns undefined: for an operation the fake does not know, or to
   * answer one of its own differently. The pathfinder still checks the token and the hash (accept a
   * new operation's hash with `webPlayer.accept`).
   */
  answerOperation(
    operationName: string,
    data: (variables: Readonly<Record<string, unknown>>, sent: { hash: string | null }) => unknown,
  ): void {
    this.#answers.set(operationName, (variables, world) => {
      const answer = data(variables, { hash: world.hash });
      return answer === undefined ? NOT_FOUND : json(200, { data: answer });
    });
  }

  #serveMedia(model: unknown): void {
    for (const url of mediaUrlsOf(model)) this.#media.set(url, mediaFile(url));
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

  async #answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const host = String(request.headers[INTENDED_HOST_HEADER] ?? request.headers.host ?? '');
    const url = new URL(request.url ?? '/', `https://${host}`);
    const body = request.method === 'POST' ? await readBody(request) : '';
    const query = host === 'api-partner.spotify.com' ? readQuery(url, body) : undefined;
    this.requests.push({
      method: request.method ?? 'GET',
      host,
      path: url.pathname,
      url,
      operation: query?.name ?? null,
      hash: query?.hash ?? null,
      headers: request.headers,
      receivedAt: Date.now(),
    });
    const fault = this.#faults.take(faultTarget(url, query));
    const answer = (fault && faultAnswer(fault, query?.endpoint)) ?? (await this.#route(host, url, request, query));
    if (answer === 'hang') return; // never answered: the client's timeout ends it
    if (fault && sendSpoiled(fault, answer, response)) return;
    response.writeHead(answer.status, { 'content-length': String(Buffer.byteLength(answer.body)), ...answer.headers });
    response.end(answer.body);
  }

  async #route(
    host: string,
    url: URL,
    request: IncomingMessage,
    query: Query | undefined,
  ): Promise<FakeAnswer | 'hang'> {
    if (this.#replay) {
      const recorded = this.#replay.answer({
        method: request.method ?? 'GET',
        host,
        path: url.pathname,
        operation: query?.name ?? null,
        variables: query ? query.variables : null,
        hash: query?.hash ?? null,
      });
      if (recorded) return recorded;
      const what = `${request.method ?? 'GET'} ${host}${url.pathname}${query?.name ? ` (${query.name})` : ''}`;
      return json(404, { error: `this capture has no answer for ${what}` }, { [NOT_IN_CAPTURE_HEADER]: what });
    }
    const edge = this.webPlayer.edgeAnswer(host, url.pathname, headerOf(request, 'sec-fetch-mode') || undefined);
    if (edge) return edge;
    if (query) return this.#pathfinder(query, request);
    if (host === 'spotify.link') {
      const target = this.#shortLinks.get(url.pathname.slice(1));
      return target ? { status: 302, headers: { location: target }, body: '' } : text(404, 'Not Found');
    }
    if (host === 'clienttoken.spotify.com' && url.pathname === '/v1/clienttoken')
      return this.webPlayer.clientTokenAnswer();
    if (host === 'open.spotifycdn.com' || host === 'open-exp.spotifycdn.com') return this.webPlayer.serve(url);
    if (host === 'open.spotify.com' && url.pathname === '/api/server-time') return this.#account.serverTime();
    if (host === 'open.spotify.com' && url.pathname === '/api/token') {
      const answer = this.auth.token(url, headerOf(request, 'cookie'));
      if (answer === 'blocked')
        return html(
          403,
          '<!DOCTYPE html><html><head><title>URL Blocked</title></head><body><h1>URL Blocked</h1></body></html>',
        );
      return json(answer.status, answer.body);
    }
    if (host === 'spclient.wg.spotify.com') return this.#account.spclient(url, headerOf(request, 'authorization'));
    const media = this.#media.get(url.href);
    if (media) return { status: 200, headers: { 'content-type': media.contentType }, body: media.body };
    if (host.endsWith('.scdn.co') || host.endsWith('.spotifycdn.com')) return text(404, 'Not Found');
    if (host === 'open.spotify.com' && url.pathname === '/')
      return html(200, this.webPlayer.page(String(request.headers['user-agent'] ?? '')));
    return this.#embed(url);
  }

  #embed(url: URL): FakeAnswer {
    const embed = /^\/embed\/(\w+)\/([0-9A-Za-z]{22})\/?$/.exec(url.pathname);
    const entity =
      embed && isEntityType(embed[1] as string)
        ? this.#entity(entityUri(embed[1] as EntityType, embed[2] as string))
        : undefined;
    if (entity) return html(200, embedPage(entity));
    // The page a client reads its anonymous token from when it has loaded none (SPEC §6): always there.
    if (url.pathname === `/embed/track/${BOOTSTRAP_TRACK_ID}`) return html(200, embedPage(this.#bootstrap));
    return html(404, notFoundPage());
  }

  /** The pathfinder: v1 and v2, the hashes it accepts, the client token v2 may ask for, the answers. */
  #pathfinder(query: Query, request: IncomingMessage): FakeAnswer {
    const closed = this.webPlayer.endpointAnswer(query.endpoint);
    if (closed) return closed;
    const authorization = headerOf(request, 'authorization');
    const account = this.auth.isAccountToken(authorization);
    if (!account && authorization !== `Bearer ${FAKE_TOKEN}`)
      return json(401, { error: { status: 401, message: 'Invalid access token' } });
    const refused = this.webPlayer.refusal(query, headerOf(request, 'client-token'));
    if (refused || query.name === null) return refused ?? NOT_FOUND;
    const answer = this.#answers.get(query.name) ?? OPERATION_ANSWERS[query.name];
    return answer ? answer(query.variables, this.#world(account, query.hash)) : NOT_FOUND;
  }

  /** What the operation answers see of this fake. */
  #world(account: boolean, hash: string | null): FakeWorld {
    const entities = this.#entities;
    return {
      entity: (uri) => (typeof uri === 'string' ? this.#entity(uri) : undefined),
      entities: () => entities.values(),
      discovery: this.#discovery,
      credits: (trackId) => this.#account.credits.get(trackId),
      canvas: (trackId) => this.#account.canvases.get(trackId),
      account,
      hash,
      partnerCreditsEmpty: this.auth.partnerCreditsEmpty,
      canvasNeedsAccount: this.auth.canvasNeedsAccount,
    };
  }
}

/** How to start a fake Spotify. */
export interface FakeSpotifyOptions {
  /** A capture (`spotify-scraper capture … --out FILE`, or `capture()`) to serve back instead of fakes. */
  replay?: string | CaptureFile | undefined;
  /** The port on 127.0.0.1. @default a free one */
  port?: number | undefined;
}

/** Starts a fake Spotify on 127.0.0.1 (a free port unless told), serving fakes you add or a capture. */
export function startFakeSpotify(options: FakeSpotifyOptions = {}): Promise<FakeSpotify> {
  return FakeSpotify.start(options);
}
