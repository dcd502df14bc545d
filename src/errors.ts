import { clip, redact } from './redact.js';

/** A message longer than this is cut (after redaction): messages quote outside text only cut short anyway. */
const MAX_MESSAGE = 2_000;

/** What an error may carry besides its message. Every field is optional. */
export interface ErrorDetails {
  /** The URL being fetched when the error happened (credentials removed). */
  url?: string | undefined;
  /** The HTTP status of the response, when there was one. */
  status?: number | undefined;
  /** A machine-readable code, for example `ECONNRESET` or `UND_ERR_CONNECT_TIMEOUT`. */
  code?: string | undefined;
  /** The underlying error. */
  cause?: unknown;
}

/**
 * The kinds of error an instance is, shared by every copy of the library loaded in one process (the
 * ESM and the CommonJS build are two copies when one part of an app `import`s the package and another
 * `require`s it): `instanceof` reads it, so `error instanceof NotFoundError` holds across the two.
 */
const KINDS = Symbol.for('spotify-scraper.error-kinds');

/** Base class of every error this library throws. */
export class SpotifyScraperError extends Error {
  /** The class's name as `instanceof` compares it across builds. */
  static readonly kind: string = 'SpotifyScraperError';
  override name = 'SpotifyScraperError';
  readonly url: string | undefined;
  readonly status: number | undefined;
  readonly code: string | undefined;

  constructor(message: string, details: ErrorDetails = {}) {
    super(
      clip(redact(message), MAX_MESSAGE),
      details.cause === undefined ? undefined : { cause: safeCause(details.cause) },
    );
    this.url = details.url === undefined ? undefined : redact(details.url);
    this.status = details.status;
    this.code = details.code;
    const kinds: string[] = [];
    for (
      let type = new.target as { kind?: unknown } | null;
      type && typeof type.kind === 'string';
      type = Object.getPrototypeOf(type) as { kind?: unknown } | null
    ) {
      if (Object.hasOwn(type, 'kind')) kinds.push(type.kind);
    }
    Object.defineProperty(this, KINDS, { value: Object.freeze(kinds), enumerable: false });
  }

  static override [Symbol.hasInstance](value: unknown): boolean {
    if (Function.prototype[Symbol.hasInstance].call(this, value)) return true;
    const kinds = (value as { [KINDS]?: unknown } | null | undefined)?.[KINDS];
    return Array.isArray(kinds) && kinds.includes((this as unknown as { kind: string }).kind);
  }
}

/** A value, option or argument is not acceptable. Raised before any request is made. */
export class InvalidInputError extends SpotifyScraperError {
  static override readonly kind: string = 'InvalidInputError';
  override name = 'InvalidInputError';
  /** The option the error is about, by its name in the library (`'timeout'`, `'maxTracks'`), when it is about one. */
  readonly option: string | undefined;

  constructor(message: string, details: ErrorDetails & { option?: string | undefined } = {}) {
    super(message, details);
    this.option = details.option;
  }
}

/** Spotify answered that the entity does not exist (HTTP 404, or an embed "Page not found"). */
export class NotFoundError extends SpotifyScraperError {
  static override readonly kind: string = 'NotFoundError';
  override name = 'NotFoundError';
}

/** The request failed on the way: connection refused or reset, DNS, TLS, proxy, bad body. */
export class NetworkError extends SpotifyScraperError {
  static override readonly kind: string = 'NetworkError';
  override name = 'NetworkError';
}

/** One attempt took longer than the `timeout` option (connect + headers + body). */
export class TimeoutError extends NetworkError {
  static override readonly kind: string = 'TimeoutError';
  override name = 'TimeoutError';
}

/** Spotify answered with an HTTP status that is neither success nor 404. */
export class HttpError extends NetworkError {
  static override readonly kind: string = 'HttpError';
  override name = 'HttpError';
}

/** HTTP 429: Spotify asked us to slow down. `retryAfterMs` is its requested wait, when it gave one. */
export class RateLimitedError extends HttpError {
  static override readonly kind: string = 'RateLimitedError';
  override name = 'RateLimitedError';
  readonly retryAfterMs: number | undefined;

  constructor(message: string, details: ErrorDetails & { retryAfterMs?: number | undefined } = {}) {
    super(message, details);
    this.retryAfterMs = details.retryAfterMs;
  }
}

/** A page or API response did not have the expected shape. Names the page and the path that failed. */
export class ParseError extends SpotifyScraperError {
  static override readonly kind: string = 'ParseError';
  override name = 'ParseError';
}

/** A download could not be made: no preview, a media host that is not Spotify's, a bad body. */
export class MediaError extends SpotifyScraperError {
  static override readonly kind: string = 'MediaError';
  override name = 'MediaError';
}

/** The client was closed before this call started. */
export class ClientClosedError extends SpotifyScraperError {
  static override readonly kind: string = 'ClientClosedError';
  override name = 'ClientClosedError';
}

/** Keeps a cause's stack and code but never lets a secret through its message. */
function safeCause(cause: unknown): unknown {
  if (!(cause instanceof Error)) return cause;
  if (cause instanceof SpotifyScraperError) return cause;
  const message = clip(redact(cause.message), MAX_MESSAGE);
  if (message === cause.message && !(cause.cause instanceof Error)) return cause;
  const copy = new Error(message, cause.cause === undefined ? undefined : { cause: safeCause(cause.cause) });
  copy.name = cause.name;
  const code = (cause as { code?: unknown }).code;
  if (code !== undefined) Object.assign(copy, { code });
  return copy;
}
