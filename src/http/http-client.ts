import { Readable } from 'node:stream';
import type { Dispatcher } from 'undici';
import { HttpError, NetworkError, RateLimitedError, SpotifyScraperError, TimeoutError } from '../errors.js';
import type { Clock } from './clock.js';
import { isSpotifyHost } from './hosts.js';
import type { HostGate } from './host-gate.js';
import type { HostLimiter } from './rate-limit.js';
import { PAGE_STATUS, errorFromResponse, type StatusMap } from './response-errors.js';
import { parseRetryAfter } from './retry-after.js';
import { isRetryable, type RetryPolicy } from './retry.js';
import { clip, quote } from '../redact.js';
import type { RequestHeaders } from './request-headers.js';
import { discard, networkError, readCapped, sendRequest, type WireResponse } from './transport.js';

/** What `onRetry` receives before each retry wait. */
export interface RetryInfo {
  url: string;
  /** The attempt that failed (1 = the first). */
  attempt: number;
  delayMs: number;
  error: SpotifyScraperError;
}

export interface HttpClientConfig {
  dispatcher: Dispatcher;
  limiter: HostLimiter;
  /** Requests in flight per host; passed before a token is taken. */
  gate: HostGate;
  retry: RetryPolicy;
  clock: Clock;
  timeoutMs: number;
  headers: RequestHeaders;
  onRetry?: ((info: RetryInfo) => void) | undefined;
  random?: () => number;
  /** Sees every response on the wire with its whole body (capture); the body then goes on from memory. */
  recorder?: ((exchange: WireExchange) => void) | undefined;
  /** The most a recorder reads of one body: the client's largest size cap (a larger body fails as it would unrecorded). */
  recordMaxBytes?: number | undefined;
}

/** One request and its answer, as a recorder sees them. */
export interface WireExchange {
  method: 'GET' | 'POST';
  url: URL;
  requestBody: string | undefined;
  status: number;
  headers: Readonly<Record<string, string | string[] | undefined>>;
  body: Buffer;
}

/** The most of one body a recorder keeps (a larger one is recorded cut, and served whole). */
const RECORD_BYTES = 8_000_000;

export interface RequestOptions<T> {
  /** @default 'GET' */
  method?: 'GET' | 'POST' | undefined;
  /** A POST's body (JSON text); sent with every attempt. */
  body?: string | undefined;
  signal?: AbortSignal | undefined;
  /** Headers of this request, over the client's. */
  headers?: Readonly<Record<string, string>> | undefined;
  /** Whether the caller's own `options.headers` go too: not to media hosts, which are not Spotify's API. @default true */
  userHeaders?: boolean | undefined;
  /** Reads a 2xx response; runs inside the attempt, so the timeout and retries cover the body too. */
  consume: (response: WireResponse) => Promise<T>;
  /** Whether a redirect to `url` may be followed (default: Spotify hosts only). */
  allowRedirect?: (url: URL) => boolean;
  /** How a failed status becomes an error: the API family's map. @default PAGE_STATUS (a 404 is a missing entity) */
  statusMap?: StatusMap | undefined;
  /** Stops at a redirect whose target gives a value, without requesting it (short-link resolution). */
  landed?: (url: URL) => T | undefined;
}

/** @deprecated internal name kept for readers of the GET-only client: see RequestOptions. */
export type GetOptions<T> = RequestOptions<T>;

const MAX_REDIRECTS = 5;
/** Headers that carry credentials: a redirect to another host or scheme drops them (as undici's redirect handler does). */
const CREDENTIAL_HEADERS = ['authorization', 'cookie', 'proxy-authorization', 'client-token'];

/**
 * GET and POST with the client's policies: a rate-limit token per request on the wire, a per-attempt
 * timeout, status -> error mapping through the family's status map, redirects within Spotify's hosts
 * (credentials dropped on a change of host or scheme), and retries on the retryable outcomes.
 */
export class HttpClient {
  readonly #config: HttpClientConfig;

  constructor(config: HttpClientConfig) {
    this.#config = config;
  }

  /** A GET. */
  get<T>(url: string, options: RequestOptions<T>): Promise<T> {
    return this.request(url, options);
  }

  async request<T>(url: string, options: RequestOptions<T>): Promise<T> {
    const { retry, clock } = this.#config;
    for (let attempt = 1; ; attempt += 1) {
      options.signal?.throwIfAborted();
      try {
        return await this.#attempt(new URL(url), options);
      } catch (error) {
        if (options.signal?.aborted) throw options.signal.reason;
        const failure = error instanceof SpotifyScraperError ? error : networkError(error, url);
        if (!isRetryable(failure) || attempt >= retry.maxAttempts) throw failure;
        const delayMs = this.#delayBefore(attempt, failure, url);
        this.#config.onRetry?.({ url, attempt, delayMs, error: failure });
        await clock.sleep(delayMs, options.signal);
      }
    }
  }

  /** The wait before the next attempt; a server-given wait past `maxDelayMs` ends retrying. */
  #delayBefore(attempt: number, failure: SpotifyScraperError, url: string): number {
    const given = failure instanceof HttpError ? failure.retryAfterMs : undefined;
    if (given === undefined) return this.#config.retry.backoffMs(attempt, this.#config.random);
    if (given > this.#config.retry.maxDelayMs) {
      throw new RateLimitedError(
        `${url} asked to wait ${given} ms, longer than maxDelayMs (${this.#config.retry.maxDelayMs} ms)`,
        {
          url,
          status: failure.status,
          retryAfterMs: given,
          cause: failure,
        },
      );
    }
    return given;
  }

  async #attempt<T>(start: URL, options: RequestOptions<T>): Promise<T> {
    let url = start;
    const headers = this.#headers(options);
    for (let hop = 0; ; hop += 1) {
      const response = await this.#send(url, headers, options);
      if ('value' in response) return response.value;
      const landed = options.landed?.(response.next);
      if (landed !== undefined) return landed;
      const next = this.#checkRedirect(url, response.next, hop, options);
      // Credentials go only where they were meant to: not to another scheme or host.
      if (next.protocol !== url.protocol || next.host !== url.host)
        for (const name of CREDENTIAL_HEADERS) delete headers[name];
      url = next;
    }
  }

  /**
   * One request on the wire: a free slot for its host first, then a rate-limit token, so the token is
   * taken only when the request can really go (SPEC §4 is about what reaches the host).
   */
  async #send<T>(
    url: URL,
    headers: Record<string, string>,
    options: RequestOptions<T>,
  ): Promise<{ value: T } | { next: URL }> {
    const host = url.hostname;
    const entering = this.#config.gate.enter(host, options.signal);
    if (entering) await entering;
    try {
      const wait = this.#config.limiter.take(host, options.signal);
      if (wait) await wait;
      return await this.#withTimeout(url, options.signal, async (attempt) => {
        const wire = await sendRequest({
          url,
          method: options.method ?? 'GET',
          body: options.body,
          headers,
          dispatcher: this.#config.dispatcher,
          signal: attempt.signal,
          timeoutMs: this.#config.timeoutMs,
        });
        attempt.bodies.push(wire.body);
        if (attempt.timedOut) wire.body.destroy();
        if (this.#config.recorder) await this.#record(wire, options);
        const next = redirectTarget(wire);
        if (next) {
          discard(wire.body);
          return { next };
        }
        await this.#checkStatus(wire, options.statusMap ?? PAGE_STATUS);
        return { value: await options.consume(wire) };
      });
    } finally {
      this.#config.gate.leave(host);
    }
  }

  /** Reads the whole body for the recorder, and gives the response a body that replays it. */
  async #record(wire: WireResponse, options: RequestOptions<unknown>): Promise<void> {
    const body = await readCapped(wire.body, this.#config.recordMaxBytes ?? RECORD_BYTES, wire.url.href);
    this.#config.recorder?.({
      method: options.method ?? 'GET',
      url: wire.url,
      requestBody: options.body,
      status: wire.status,
      headers: wire.headers,
      body: body.subarray(0, RECORD_BYTES),
    });
    (wire as { body: Readable }).body = Readable.from([body]);
  }

  #headers(options: RequestOptions<unknown>): Record<string, string> {
    const { base, extra } = this.#config.headers;
    const own = options.userHeaders === false ? { ...base } : { ...base, ...extra };
    return options.headers ? { ...own, ...options.headers } : own;
  }

  #checkRedirect(from: URL, to: URL, hop: number, options: RequestOptions<unknown>): URL {
    const allowed = options.allowRedirect ?? ((url: URL) => isSpotifyHost(url.hostname));
    if (hop + 1 > MAX_REDIRECTS) {
      throw new NetworkError(`More than ${MAX_REDIRECTS} redirects from ${clip(from.href)}`, {
        url: from.href,
        code: 'TOO_MANY_REDIRECTS',
      });
    }
    if (from.protocol === 'https:' && to.protocol !== 'https:') {
      throw new NetworkError(
        `Refused redirect from ${clip(from.href)} to ${quote(to.protocol, 20)}: no downgrade from https`,
        {
          url: from.href,
          code: 'REDIRECT_REFUSED',
        },
      );
    }
    if (!allowed(to)) {
      throw new NetworkError(`Refused redirect from ${clip(from.href)} to ${quote(to.host, 100)}: not a Spotify host`, {
        url: from.href,
        code: 'REDIRECT_REFUSED',
      });
    }
    return to;
  }

  async #checkStatus(wire: WireResponse, map: StatusMap): Promise<void> {
    const { status } = wire;
    if (status >= 200 && status < 300) return;
    const retryAfterMs = parseRetryAfter(wire.headers['retry-after'], this.#config.clock.now());
    // The host that answered a 429 is paused for every caller (and the whole fleet) at once, whether
    // or not this call retries, and however long the wait (past maxDelayMs too).
    if (status === 429 && retryAfterMs !== undefined) this.#config.limiter.pause(wire.url.hostname, retryAfterMs);
    // A family that reads error bodies (plain-text API errors) gets the start of it; else it is dropped.
    const body = map.readsBody ? await readErrorBody(wire) : (discard(wire.body), undefined);
    throw errorFromResponse(map, { url: wire.url.href, status, retryAfterMs, headers: wire.headers, body });
  }

  /**
   * Runs one request with its own deadline; a deadline hit is a TimeoutError, a caller's abort its
   * reason. The deadline is a plain timer rather than an AbortSignal handed to undici (that costs ~20 %
   * of a loopback request's throughput); undici's own header/body timeouts end the abandoned socket
   * work, and a response that arrives after the deadline is destroyed unread.
   */
  async #withTimeout<R>(url: URL, signal: AbortSignal | undefined, run: (attempt: Attempt) => Promise<R>): Promise<R> {
    const ms = this.#config.timeoutMs;
    const attempt: Attempt = { signal, timedOut: false, bodies: [] };
    let timer: NodeJS.Timeout | undefined;
    let work: Promise<R> | undefined;
    try {
      return await new Promise<R>((resolve, reject) => {
        timer = setTimeout(() => {
          attempt.timedOut = true;
          for (const body of attempt.bodies) body.destroy();
          reject(
            new TimeoutError(`No complete response from ${clip(url.href)} within ${ms} ms`, {
              url: url.href,
              code: 'TIMEOUT',
            }),
          );
        }, ms);
        work = run(attempt);
        work.then(resolve, reject);
      });
    } catch (error) {
      // A destroyed body settles its consumer at once: wait, so a download's temp file is gone first.
      if (attempt.timedOut && attempt.bodies.length > 0) await (work as Promise<R>).catch(() => undefined);
      if (signal?.aborted) throw signal.reason;
      if (error instanceof SpotifyScraperError) throw error;
      throw networkError(error, url.href);
    } finally {
      clearTimeout(timer);
    }
  }
}

/** One attempt's state, shared between the request and its deadline. */
interface Attempt {
  signal: AbortSignal | undefined;
  timedOut: boolean;
  bodies: Readable[];
}

function redirectTarget(wire: WireResponse): URL | undefined {
  if (![301, 302, 303, 307, 308].includes(wire.status)) return undefined;
  const location = wire.headers['location'];
  const value = Array.isArray(location) ? location[0] : location;
  if (!value) return undefined;
  try {
    return new URL(value, wire.url);
  } catch {
    return undefined;
  }
}

/** How much of an error body a family may read: its first bytes (an edge page, a plain-text error). */
const ERROR_BODY_BYTES = 16 * 1024;

async function readErrorBody(wire: WireResponse): Promise<string | undefined> {
  try {
    const length = Number(wire.headers['content-length']);
    if (Number.isFinite(length) && length > ERROR_BODY_BYTES) {
      discard(wire.body);
      return undefined;
    }
    return (await readCapped(wire.body, ERROR_BODY_BYTES, wire.url.href)).toString('utf8');
  } catch {
    return undefined;
  }
}
