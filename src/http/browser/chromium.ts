import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { Browser, BrowserType, Page } from 'playwright-core';
import { InvalidInputError, NetworkError, TimeoutError } from '../../errors.js';
import type { ResolvedBrowser } from './browser-option.js';
import { answerOf, FETCH_IN_PAGE, type InPageAnswer, type InPageRequest, type PageAnswer } from './page-fetch.js';

export interface PageRequest {
  url: string;
  headers: Record<string, string>;
  timeoutMs: number;
  /** Aborts the fetch: its page is closed. */
  signal: AbortSignal;
  /** Resolves when the request may leave (called once its page is ready): the host's pace. */
  turn: () => Promise<void>;
}

/** A request sent from inside a page whose document is on `document`'s origin. */
export interface InPageFetch extends InPageRequest {
  /** A page of the origin to send from (navigated to once when no page of that origin is idle). */
  document: { url: string; headers: Record<string, string> };
  timeoutMs: number;
  signal: AbortSignal;
  turn: () => Promise<void>;
}

const INSTALL = 'npm install playwright-core@1';
const CANDIDATES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/** The first Chromium on the PATH, or undefined. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  for (const dir of (env['PATH'] ?? '').split(delimiter).filter(Boolean))
    for (const name of CANDIDATES) {
      const path = join(dir, name);
      try {
        accessSync(path, constants.X_OK);
        return path;
      } catch {
        // not here
      }
    }
  return undefined;
}

/**
 * One Chromium per client (launched by the first page, never at construction), its pages reused for
 * the page fetches of the browser transport; `close()` ends the browser process.
 */
export class ChromiumPages {
  readonly #settings: ResolvedBrowser;
  readonly #proxy: URL | undefined;
  #browser: Promise<Browser> | undefined;
  readonly #idle: Page[] = [];
  /**
   * The turns of our requests by URL, taken where Chromium is about to send them (its route handler):
   * the only requests let through besides a navigation's redirects.
   */
  readonly #turns = new Map<string, Array<() => Promise<void>>>();
  #open = 0;
  #closed = false;

  constructor(settings: ResolvedBrowser, proxy: URL | undefined) {
    this.#settings = settings;
    this.#proxy = proxy;
  }

  /** Pages open right now (in use or idle). */
  get openPages(): number {
    return this.#open;
  }

  #launch(): Promise<Browser> {
    this.#browser ??= (async () => {
      let chromium: BrowserType;
      try {
        ({ chromium } = await import('playwright-core'));
      } catch {
        throw new InvalidInputError(
          `The browser option needs the package playwright-core, which is not installed: ${INSTALL}`,
          {
            option: 'browser',
          },
        );
      }
      const executablePath = this.#settings.executablePath ?? findChromium();
      if (executablePath === undefined)
        throw new InvalidInputError(
          'The browser option found no Chromium on the PATH (chromium, chromium-browser, google-chrome): install one, or give browser.executablePath',
          { option: 'browser' },
        );
      const proxy = this.#proxy;
      try {
        return await chromium.launch({
          executablePath,
          headless: this.#settings.headless,
          ...(proxy
            ? {
                proxy: {
                  server: `${proxy.protocol}//${proxy.host}`,
                  ...(proxy.username ? { username: decodeURIComponent(proxy.username) } : {}),
                  ...(proxy.password ? { password: decodeURIComponent(proxy.password) } : {}),
                },
              }
            : {}),
        });
      } catch (error) {
        // Playwright's message names the path tried; never a proxy credential (not in it).
        const why = error instanceof Error ? error.message.split('\n')[0] : String(error);
        throw new InvalidInputError(`The browser option could not start Chromium at ${executablePath}: ${why}`, {
          option: 'browser',
        });
      }
    })();
    this.#browser.catch(() => (this.#browser = undefined));
    return this.#browser;
  }

  async #page(): Promise<Page> {
    const idle = this.#idle.pop();
    if (idle && !idle.isClosed()) return idle;
    const browser = await this.#launch();
    const page = await browser.newPage();
    // Only the page itself is fetched: no script, image or other request that the rate limit does not pace.
    await page.route('**/*', async (route) => {
      const request = route.request();
      const navigation = request.isNavigationRequest() && request.frame() === page.mainFrame();
      const turn = navigation || request.resourceType() === 'fetch' ? this.#take(request.url()) : undefined;
      if (!navigation && !turn) return route.abort().catch(() => undefined);
      try {
        // The pace is kept here, where the request leaves: Chromium's own delays come before it.
        await turn?.();
      } catch {
        return route.abort('aborted').catch(() => undefined);
      }
      return route.continue().catch(() => undefined);
    });
    this.#open += 1;
    page.once('close', () => (this.#open -= 1));
    return page;
  }

  /** Navigates a page to `url` and gives the answer; an abort or a timeout closes that page. */
  async fetch(request: PageRequest): Promise<PageAnswer> {
    if (this.#closed) throw new NetworkError('The browser transport is closed');
    request.signal.throwIfAborted();
    const page = await this.#page();
    const stop = (): void => void page.close().catch(() => undefined);
    request.signal.addEventListener('abort', stop, { once: true });
    let release = (): void => undefined;
    try {
      await page.setExtraHTTPHeaders(request.headers);
      request.signal.throwIfAborted();
      release = this.#register(request.url, request.turn);
      const response = await page.goto(request.url, { waitUntil: 'commit', timeout: request.timeoutMs });
      if (!response) throw new NetworkError(`The browser got no answer for ${request.url}`);
      const body = await response.body();
      const answer = {
        status: response.status(),
        statusText: response.statusText(),
        headers: await response.allHeaders(),
        body,
      };
      this.#idle.push(page);
      return answer;
    } catch (error) {
      stop();
      request.signal.throwIfAborted();
      if (error instanceof Error && error.name === 'TimeoutError')
        throw new TimeoutError(`The browser timed out after ${request.timeoutMs} ms on ${request.url}`, {
          cause: error,
        });
      if (error instanceof NetworkError || error instanceof InvalidInputError) throw error;
      const why = error instanceof Error ? error.message.split('\n')[0] : String(error);
      throw new NetworkError(`The browser could not load ${request.url}: ${why}`, { cause: error });
    } finally {
      release();
      request.signal.removeEventListener('abort', stop);
    }
  }

  /**
   * Sends a request with `fetch` from a page of the document's origin: the browser's network stack,
   * TLS and cookies, for an API host whose edge refuses plain HTTP. An abort or a timeout closes that page.
   */
  async fetchInPage(request: InPageFetch): Promise<PageAnswer> {
    if (this.#closed) throw new NetworkError('The browser transport is closed');
    request.signal.throwIfAborted();
    const page = await this.#pageOf(request.document, request.timeoutMs);
    const stop = (): void => void page.close().catch(() => undefined);
    request.signal.addEventListener('abort', stop, { once: true });
    const url = new URL(request.url).href;
    let timer: NodeJS.Timeout | undefined;
    let release = (): void => undefined;
    try {
      // A navigation's extra headers would go on the fetch too (and win over its own).
      await page.setExtraHTTPHeaders({});
      request.signal.throwIfAborted();
      release = this.#register(url, request.turn);
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new TimeoutError(`The browser timed out after ${request.timeoutMs} ms on ${url}`)),
          request.timeoutMs,
        );
      });
      const sent: InPageRequest = { url, method: request.method, headers: request.headers, body: request.body };
      const answer = await Promise.race([
        page.evaluate<InPageAnswer>(`(${FETCH_IN_PAGE})(${JSON.stringify(sent)})`),
        timeout,
      ]);
      this.#idle.push(page);
      return answerOf(answer);
    } catch (error) {
      stop();
      request.signal.throwIfAborted();
      if (error instanceof TimeoutError || error instanceof NetworkError) throw error;
      const why = error instanceof Error ? error.message.split('\n')[0] : String(error);
      throw new NetworkError(`The browser could not send ${request.method} ${url}: ${why}`, { cause: error });
    } finally {
      clearTimeout(timer);
      release();
      request.signal.removeEventListener('abort', stop);
    }
  }

  /** Registers the turn of a request to `url` for the route handler; the release drops it if never taken. */
  #register(url: string, turn: () => Promise<void>): () => void {
    const key = new URL(url).href;
    const queue = this.#turns.get(key) ?? [];
    queue.push(turn);
    this.#turns.set(key, queue);
    return () => {
      const left = this.#turns.get(key);
      const at = left?.indexOf(turn) ?? -1;
      if (!left || at < 0) return;
      left.splice(at, 1);
      if (left.length === 0) this.#turns.delete(key);
    };
  }

  /** Takes the turn registered for `url` (the request is ours), or undefined. */
  #take(url: string): (() => Promise<void>) | undefined {
    const queue = this.#turns.get(url);
    const turn = queue?.shift();
    if (queue?.length === 0) this.#turns.delete(url);
    return turn;
  }

  /** An idle page whose document is on the origin of `document.url`, or a page navigated there. */
  async #pageOf(document: InPageFetch['document'], timeoutMs: number): Promise<Page> {
    const origin = new URL(document.url).origin;
    const at = this.#idle.findIndex((page) => !page.isClosed() && page.url().startsWith(`${origin}/`));
    if (at >= 0) return this.#idle.splice(at, 1)[0] as Page;
    const page = await this.#page();
    try {
      await page.setExtraHTTPHeaders(document.headers);
      await page.goto(document.url, { waitUntil: 'domcontentloaded', timeout: timeoutMs });
      return page;
    } catch (error) {
      void page.close().catch(() => undefined);
      const why = error instanceof Error ? error.message.split('\n')[0] : String(error);
      throw new NetworkError(`The browser could not open ${document.url} to send from: ${why}`, { cause: error });
    }
  }

  /** Closes every page and the browser process. */
  async close(): Promise<void> {
    this.#closed = true;
    const browser = this.#browser;
    this.#browser = undefined;
    if (!browser) return;
    await browser.then((open) => open.close()).catch(() => undefined);
  }
}
