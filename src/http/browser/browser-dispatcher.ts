import type { Dispatcher } from 'undici';
import { undici } from '../undici.js';
import { INTENDED_HOST_HEADER, routedOrigin } from '../dispatcher.js';
import type { ResolvedBrowser } from './browser-option.js';
import { ChromiumPages } from './chromium.js';
import { entriesOf, startExchange, watchForChallenge, type AnyHandler } from './handler-protocol.js';
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

/**
 * An undici dispatcher that fetches pages (GETs of open.spotify.com) through Chromium and everything
 * else through the HTTP dispatcher it wraps (SPEC §14). Being a dispatcher, it sits under the client's
 * rate limiter, retries, timeouts, signals and size caps, which apply unchanged. In `fallback` mode a
 * host takes the browser only after its edge answered a 403 challenge page (said once), and that
 * request is sent again through the browser; a 404 or anything else stays as it was. In both modes a
 * Spotify API host whose edge answers the challenge too is reached by a fetch from a page from then on.
 */
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
      const browser = page ? this.transportOf(host) === 'browser' : this.#fetchHosts.has(host);
      const way = page ? 'navigate' : 'fetch';
      if (browser) {
        void this.#viaBrowser(options, handler as AnyHandler, way, host);
        return true;
      }
      // Plain HTTP, watched for the edge's challenge where the browser could take over.
      const watched = page ? this.#mode === 'fallback' : isWatched(host);
      if (watched) return this.#http.dispatch(options, this.#watching(options, handler as AnyHandler, host, page));
      return this.#http.dispatch(options, handler);
    }

    /** Plain HTTP whose edge challenge switches the host over (one warning) and sends the request again through the browser. */
    #watching(
      options: Dispatcher.DispatchOptions,
      handler: AnyHandler,
      host: string,
      page: boolean,
    ): Dispatcher.DispatchHandler {
      return watchForChallenge(handler, () => {
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
      });
    }

    async #viaBrowser(
      options: Dispatcher.DispatchOptions,
      handler: AnyHandler,
      way: 'navigate' | 'fetch',
      host: string,
    ): Promise<void> {
      const exchange = startExchange(handler);
      const { signal } = exchange;
      try {
        signal.throwIfAborted();
        const common = {
          timeoutMs: options.headersTimeout ?? 30_000,
          signal,
          turn: () => this.#pace(host, signal) ?? Promise.resolve(),
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
        exchange.deliver(answer);
      } catch (error) {
        exchange.fail(error);
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
