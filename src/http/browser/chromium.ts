import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { Browser, BrowserType, Page } from 'playwright-core';
import { InvalidInputError, NetworkError, TimeoutError } from '../../errors.js';
import type { ResolvedBrowser } from './browser-option.js';

/** What one page fetch gives: as the browser received it (the body decoded). */
export interface PageAnswer {
  status: number;
  statusText: string;
  headers: Record<string, string>;
  body: Buffer;
}

export interface PageRequest {
  url: string;
  headers: Record<string, string>;
  timeoutMs: number;
  /** Aborts the fetch: its page is closed. */
  signal: AbortSignal;
  /** Resolves when the navigation may go (after the page is ready): see Spacing. */
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
    await page.route('**/*', (route) =>
      route.request().isNavigationRequest() && route.request().frame() === page.mainFrame()
        ? route.continue()
        : route.abort(),
    );
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
    try {
      await page.setExtraHTTPHeaders(request.headers);
      await request.turn();
      request.signal.throwIfAborted();
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
      request.signal.removeEventListener('abort', stop);
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
