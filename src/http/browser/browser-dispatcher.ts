import type { Dispatcher } from 'undici';
import { undici } from '../undici.js';
import { routedOrigin } from '../dispatcher.js';
import type { ResolvedBrowser } from './browser-option.js';
import { ChromiumPages, type PageAnswer } from './chromium.js';
import { bodyForPage, fetchableHeaders } from './page-fetch.js';

/** The hosts whose pages go through the browser: the pages an edge challenge stands in front of. */
const PAGE_HOSTS: ReadonlySet<string> = new Set(['open.spotify.com']);
/** The page host's own API (the token, the server time): requests, not pages. */
const API_PATH = /^\/api\//;

/** Whether a request is a page (a navigation in the browser) rather than an API call. */
function isPage(host: string, method: string, path: string): boolean {
  return method === 'GET' && PAGE_HOSTS.has(host) && !API_PATH.test(path);
}

/** Whether a host's answers are watched for the edge's challenge: Spotify's own hosts (not its CDNs). */
function isWatched(host: string): boolean {
  return host === 'spotify.com' || host.endsWith('.spotify.com');
}
/** Tells a fake or replay server which host a routed request was meant for (as the kit's routeTo does). */
const INTENDED_HOST_HEADER = 'x-spotify-scraper-host';

/** Headers of the browser's answer that do not hold for the body it hands over (decoded, whole). */
const DROPPED = new Set(['content-encoding', 'content-length', 'transfer-encoding', 'connection', 'keep-alive']);

type AnyHandler = Dispatcher.DispatchHandler & {
  onConnect?: (abort: (reason?: Error) => void) => void;
  onHeaders?: (status: number, headers: Buffer[], resume: () => void, statusText: string) => boolean;
  onData?: (chunk: Buffer) => boolean;
  onComplete?: (trailers: Buffer[] | null) => void;
  onError?: (error: Error) => void;
};

/**
 * An undici dispatcher that fetches pages (GETs of open.spotify.com) through Chromium and everything
 * else through the HTTP dispatcher it wraps (SPEC §14). Being a dispatcher, it sits under the client's
 * rate limiter, retries, timeouts, signals and size caps, which apply unchanged. In `fallback` mode a
 * host takes the browser only after its edge answered a 403 challenge page (said once), and that
 * request is sent again through the browser; a 404 or anything else stays as it was.
 */
/** What the browser transport says of itself (doctor, tests). */
export interface BrowserTransport {
  /** Pages the browser has open (in use or idle). */
  readonly openPages: number;
  /** Which transport a host's pages take now. */
  transportOf(host: string): 'browser' | 'http';
  /** The hosts whose API requests go through a page's fetch (after their edge refused plain HTTP). */
  readonly fetchHosts: readonly string[];
}

/**
 * Paces the start of a host's browser requests (undefined: at once): the client's rate limit for the
 * host applied again where the request leaves for the network, so a request held up by Chromium (its
 * start, a new page) does not reach the host together with the ones behind it.
 */
export type BrowserPace = (host: string, signal: AbortSignal) => Promise<void> | undefined;

type BrowserDispatcherClass = new (
  http: Dispatcher,
  ownsHttp: boolean,
  settings: ResolvedBrowser,
  proxy: URL | undefined,
  warn: (message: string) => void,
  pace?: BrowserPace,
) => Dispatcher & BrowserTransport;

let defined: BrowserDispatcherClass | undefined;

/** A browser dispatcher over `http` (the class is made on first use: undici loads with the first client). */
export function createBrowserDispatcher(
  ...args: ConstructorParameters<BrowserDispatcherClass>
): Dispatcher & BrowserTransport {
  defined ??= define(undici().Dispatcher as unknown as new () => Dispatcher);
  return new defined(...args);
}

/** Whether a dispatcher is the browser transport. */
export function isBrowserTransport(dispatcher: unknown): dispatcher is BrowserTransport {
  return defined !== undefined && dispatcher instanceof defined;
}

function define(Base: new () => Dispatcher): BrowserDispatcherClass {
  return class BrowserDispatcher extends Base implements BrowserTransport {
    readonly #http: Dispatcher;
    readonly #ownsHttp: boolean;
    readonly #pages: ChromiumPages;
    readonly #mode: ResolvedBrowser['mode'];
    readonly #switched = new Set<string>();
    readonly #fetchHosts = new Set<string>();
    readonly #warn: (message: string) => void;
    readonly #routed: string | undefined;
    readonly #pace: BrowserPace;

    constructor(
      http: Dispatcher,
      ownsHttp: boolean,
      settings: ResolvedBrowser,
      proxy: URL | undefined,
      warn: (message: string) => void,
      pace: BrowserPace = () => undefined,
    ) {
      super();
      this.#pace = pace;
      this.#http = http;
      this.#ownsHttp = ownsHttp;
      this.#pages = new ChromiumPages(settings, proxy);
      this.#mode = settings.mode;
      this.#warn = warn;
      this.#routed = routedOrigin(http);
    }

    /** Pages the browser has open (in use or idle). */
    get openPages(): number {
      return this.#pages.openPages;
    }

    /** Which transport a host's pages take now. */
    transportOf(host: string): 'browser' | 'http' {
      return PAGE_HOSTS.has(host) && (this.#mode === 'always' || this.#switched.has(host)) ? 'browser' : 'http';
    }

    /** The hosts whose API requests go through a page's fetch (after their edge refused plain HTTP). */
    get fetchHosts(): readonly string[] {
      return [...this.#fetchHosts];
    }

    override dispatch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler): boolean {
      const host = new URL(String(options.origin)).host;
      const page = isPage(host, options.method ?? 'GET', options.path);
      const way = page ? (this.transportOf(host) === 'browser' ? 'navigate' : undefined) : this.#fetchWay(host);
      if (way) {
        void this.#viaBrowser(options, handler as AnyHandler, way, host);
        return true;
      }
      // Plain HTTP, watched for the edge's challenge where the browser could take over.
      const watched = page ? this.#mode === 'fallback' : isWatched(host);
      if (watched) return this.#http.dispatch(options, this.#watching(options, handler as AnyHandler, host, page));
      return this.#http.dispatch(options, handler);
    }

    #fetchWay(host: string): 'fetch' | undefined {
      return this.#fetchHosts.has(host) ? 'fetch' : undefined;
    }

    /** A handler that passes an answer on, unless it is the edge's 403 challenge: then the browser takes over. */
    #watching(
      options: Dispatcher.DispatchOptions,
      handler: AnyHandler,
      host: string,
      page: boolean,
    ): Dispatcher.DispatchHandler {
      let challenged = false;
      const legacy = typeof handler.onHeaders === 'function';
      const isChallenge = (status: number, contentType: string): boolean =>
        status === 403 && contentType.includes('html');
      const switchOver = (): void => {
        const switched = page ? this.#switched : this.#fetchHosts;
        if (!switched.has(host)) {
          switched.add(host);
          this.#warn(
            page
              ? `${host} answered a 403 challenge page to plain HTTP: its pages go through the browser from now on`
              : `${host} answered a 403 challenge page to plain HTTP: its requests go through the browser's network stack from now on`,
          );
        }
        void this.#viaBrowser(options, handler, page ? 'navigate' : 'fetch', host);
      };
      if (legacy)
        return {
          onConnect: (abort: (reason?: Error) => void) => handler.onConnect?.(abort),
          onHeaders: (status: number, headers: Buffer[], resume: () => void, statusText: string) => {
            challenged = isChallenge(status, headerOf(headers, 'content-type'));
            return challenged ? true : (handler.onHeaders?.(status, headers, resume, statusText) ?? true);
          },
          onData: (chunk: Buffer) => (challenged ? true : (handler.onData?.(chunk) ?? true)),
          onComplete: (trailers: Buffer[] | null) => (challenged ? switchOver() : handler.onComplete?.(trailers)),
          onError: (error: Error) => handler.onError?.(error),
        } as unknown as Dispatcher.DispatchHandler;
      return {
        onRequestStart: (controller, context) => handler.onRequestStart?.(controller, context),
        onResponseStart: (controller, status, headers, statusText) => {
          challenged = isChallenge(status, String(headers['content-type'] ?? ''));
          if (!challenged) handler.onResponseStart?.(controller, status, headers, statusText);
        },
        onResponseData: (controller, chunk) => {
          if (!challenged) handler.onResponseData?.(controller, chunk);
        },
        onResponseEnd: (controller, trailers) =>
          challenged ? switchOver() : handler.onResponseEnd?.(controller, trailers),
        onResponseError: (controller, error) => handler.onResponseError?.(controller, error),
      };
    }

    async #viaBrowser(
      options: Dispatcher.DispatchOptions,
      handler: AnyHandler,
      way: 'navigate' | 'fetch',
      host: string,
    ): Promise<void> {
      const abort = new AbortController();
      const controller = {
        abort: (reason?: Error) => abort.abort(reason),
        pause: () => undefined,
        resume: () => undefined,
        get aborted() {
          return abort.signal.aborted;
        },
        get paused() {
          return false;
        },
        get reason() {
          return abort.signal.reason as Error | null;
        },
        rawHeaders: [] as Buffer[],
        rawTrailers: [] as Buffer[],
      };
      const legacy = typeof handler.onHeaders === 'function';
      try {
        if (legacy) handler.onConnect?.((reason) => abort.abort(reason));
        else handler.onRequestStart?.(controller as never, {});
        if (abort.signal.aborted) throw abort.signal.reason;
        const common = {
          timeoutMs: options.headersTimeout ?? 30_000,
          signal: abort.signal,
          turn: () => this.#pace(host, abort.signal) ?? Promise.resolve(),
        };
        const answer =
          way === 'navigate'
            ? await this.#pages.fetch({ ...common, url: this.#urlOf(options), headers: this.#headersOf(options) })
            : await this.#pages.fetchInPage({
                ...common,
                url: this.#urlOf(options),
                method: options.method ?? 'GET',
                headers: { ...fetchableHeaders(entriesOf(options.headers)), ...this.#intendedHost(options) },
                body: bodyForPage(options.body),
                document: this.#documentOf(options),
              });
        deliver(handler, legacy, controller, answer);
      } catch (error) {
        const failure = error instanceof Error ? error : new Error(String(error));
        if (legacy) handler.onError?.(failure);
        else handler.onResponseError?.(controller as never, failure);
      }
    }

    /** The page's URL: its own, or on the routed origin (a fake, a replay) when the HTTP dispatcher routes. */
    #urlOf(options: Dispatcher.DispatchOptions): string {
      return `${this.#routed ?? String(options.origin)}${options.path}`;
    }

    /** The request's headers a navigation may carry (the browser sets its own user agent, accept and encodings). */
    #headersOf(options: Dispatcher.DispatchOptions): Record<string, string> {
      const headers: Record<string, string> = {};
      for (const [name, value] of entriesOf(options.headers)) {
        const key = name.toLowerCase();
        if (key === 'accept-language') headers[key] = value;
      }
      return { ...headers, ...this.#intendedHost(options) };
    }

    /** On a routed origin, the header that names the host meant. */
    #intendedHost(options: Dispatcher.DispatchOptions): Record<string, string> {
      return this.#routed ? { [INTENDED_HOST_HEADER]: new URL(String(options.origin)).host } : {};
    }

    /**
     * The page an API request is sent from: a document of the page host (open.spotify.com/robots.txt,
     * navigated to once when no page of that origin is idle), whose cookies the edge gave the browser.
     */
    #documentOf(options: Dispatcher.DispatchOptions): { url: string; headers: Record<string, string> } {
      const [pageHost] = PAGE_HOSTS;
      const origin = this.#routed ?? `https://${pageHost}`;
      return {
        url: `${origin}/robots.txt`,
        headers: { ...this.#headersOf(options), ...(this.#routed ? { [INTENDED_HOST_HEADER]: `${pageHost}` } : {}) },
      };
    }

    override async close(): Promise<void> {
      await this.#pages.close();
      if (this.#ownsHttp) await this.#http.close();
    }

    override async destroy(): Promise<void> {
      await this.#pages.close();
      if (this.#ownsHttp) await this.#http.destroy();
    }
  };
}

function deliver(handler: AnyHandler, legacy: boolean, controller: object, answer: PageAnswer): void {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(answer.headers))
    if (!DROPPED.has(name.toLowerCase())) headers[name.toLowerCase()] = value;
  headers['content-length'] = String(answer.body.length);
  if (legacy) {
    const raw = Object.entries(headers).flatMap(([name, value]) => [Buffer.from(name), Buffer.from(value)]);
    handler.onHeaders?.(answer.status, raw, () => undefined, answer.statusText);
    if (answer.body.length > 0) handler.onData?.(answer.body);
    handler.onComplete?.([]);
    return;
  }
  handler.onResponseStart?.(controller as never, answer.status, headers, answer.statusText);
  if (answer.body.length > 0) handler.onResponseData?.(controller as never, answer.body);
  handler.onResponseEnd?.(controller as never, {});
}

function headerOf(raw: Buffer[], name: string): string {
  for (let index = 0; index + 1 < raw.length; index += 2)
    if (String(raw[index]).toLowerCase() === name) return String(raw[index + 1]);
  return '';
}

function entriesOf(headers: Dispatcher.DispatchOptions['headers']): Array<[string, string]> {
  if (headers == null) return [];
  if (Array.isArray(headers)) {
    const pairs: Array<[string, string]> = [];
    for (let index = 0; index + 1 < headers.length; index += 2)
      pairs.push([String(headers[index]), String(headers[index + 1])]);
    return pairs;
  }
  if (typeof (headers as Iterable<unknown>)[Symbol.iterator] === 'function')
    return [...(headers as Iterable<[string, string]>)].map(([name, value]) => [String(name), String(value)]);
  return Object.entries(headers as Record<string, string | string[] | undefined>).flatMap(([name, value]) =>
    value === undefined ? [] : [[name, Array.isArray(value) ? value.join(', ') : String(value)] as [string, string]],
  );
}
