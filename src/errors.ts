import { clip, redact } from './redact.js';

/** A message longer than this is cut (after redaction): messages quote outside text only cut short anyway. */
const MAX_MESSAGE = 2_000;

/** What an error may carry besides its message. Every field is optional. */
export interface ErrorDetails {
  /** The URL being fetched when the error happened (credentials removed). */
  url?: string | undefined;
  /** The HTTP status of the response, when there was one. */
  status?: number | undefined;
  /** A machine-readable code, for example `ECONNRESET` or `UND_ERR_CONNECT_TIMEOUT` (else the class's own). */
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
  /** The `code` an instance of this class has when nothing more precise is known. */
  static readonly code: string = 'ERR_SPOTIFY_SCRAPER';
  override readonly name: string = 'SpotifyScraperError';
  readonly url: string | undefined;
  readonly status: number | undefined;
  /**
   * A stable, machine-readable code: the class's own (`ERR_NOT_FOUND`, `ERR_PARSE`, …), or for network
   * and file-system failures the system's (`ECONNRESET`, `UND_ERR_CONNECT_TIMEOUT`, `ENOSPC`).
   */
  readonly code: string;

  constructor(message: string, details: ErrorDetails = {}) {
    super(
      clip(redact(message), MAX_MESSAGE),
      details.cause === undefined ? undefined : { cause: safeCause(details.cause) },
    );
    this.url = details.url === undefined ? undefined : redact(details.url);
    this.status = details.status;
    this.code = details.code ?? (new.target as unknown as { code: string }).code;
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
  static override readonly code: string = 'ERR_INVALID_INPUT';
  override readonly name = 'InvalidInputError' as const;
  /**
   * The option the error is about, by its path in the library's options (`'timeout'`,
   * `'rateLimit.perSecond'`, `'maxTracks'`), when it is about one.
   */
  readonly option: string | undefined;
  /** What is wrong with that option, in words that follow its name (`'must be a whole number >= 1, got 0'`). */
  readonly detail: string | undefined;

  constructor(
    message: string,
    details: ErrorDetails & { option?: string | undefined; detail?: string | undefined } = {},
  ) {
    super(message, details);
    this.option = details.option;
    this.detail = details.detail === undefined ? undefined : clip(redact(details.detail), MAX_MESSAGE);
  }
}

/**
 * An InvalidInputError about one option: the message is `<prefix><option> <detail>`, and the error
 * carries both parts, so a command line can say the same about its flag.
 * @param prefix `'options.'` for a client option, `''` for a per-call one.
 */
export function optionError(option: string, detail: string, prefix = 'options.'): InvalidInputError {
  return new InvalidInputError(`${prefix}${option} ${detail}`, { option, detail });
}

/** Spotify answered that the entity does not exist (HTTP 404, or an embed "Page not found"). */
export class NotFoundError extends SpotifyScraperError {
  static override readonly kind: string = 'NotFoundError';
  static override readonly code: string = 'ERR_NOT_FOUND';
  override readonly name = 'NotFoundError' as const;
}

/** The request failed on the way: connection refused or reset, DNS, TLS, proxy, bad body. */
export class NetworkError extends SpotifyScraperError {
  static override readonly kind: string = 'NetworkError';
  static override readonly code: string = 'ERR_NETWORK';
  override readonly name: 'NetworkError' | 'TimeoutError' | 'HttpError' | 'RateLimitedError' = 'NetworkError';
}

/** One attempt took longer than the `timeout` option (connect + headers + body). */
export class TimeoutError extends NetworkError {
  static override readonly kind: string = 'TimeoutError';
  static override readonly code: string = 'TIMEOUT';
  override readonly name = 'TimeoutError' as const;
}

/**
 * Spotify answered with an HTTP status that is neither success nor a missing entity. `retryAfterMs`
 * is the wait the server asked for (`Retry-After`), when it gave one.
 */
export class HttpError extends NetworkError {
  static override readonly kind: string = 'HttpError';
  static override readonly code: string = 'ERR_HTTP';
  override readonly name: 'HttpError' | 'RateLimitedError' = 'HttpError';
  readonly retryAfterMs: number | undefined;

  constructor(message: string, details: ErrorDetails & { retryAfterMs?: number | undefined } = {}) {
    super(message, details);
    this.retryAfterMs = details.retryAfterMs;
  }
}

/** HTTP 429: Spotify asked us to slow down. `retryAfterMs` is its requested wait, when it gave one. */
export class RateLimitedError extends HttpError {
  static override readonly kind: string = 'RateLimitedError';
  static override readonly code: string = 'ERR_RATE_LIMITED';
  override readonly name = 'RateLimitedError' as const;
}

/** A page or API response did not have the expected shape. Names the page and the path that failed. */
export class ParseError extends SpotifyScraperError {
  static override readonly kind: string = 'ParseError';
  static override readonly code: string = 'ERR_PARSE';
  override readonly name = 'ParseError' as const;
}

/** A download could not be made: no preview, a media host that is not Spotify's, a bad body. */
export class MediaError extends SpotifyScraperError {
  static override readonly kind: string = 'MediaError';
  static override readonly code: string = 'ERR_MEDIA';
  override readonly name = 'MediaError' as const;
}

/**
 * An account feature could not get its account token: no cookie given, a cookie Spotify rejected or
 * that expired, TOTP secrets Spotify retired, an endpoint that needs an account. The message says
 * what to do (which option, "export a fresh cookie", "the secrets are stale: totpSecrets").
 */
export class AuthenticationError extends SpotifyScraperError {
  static override readonly kind: string = 'AuthenticationError';
  static override readonly code: string = 'ERR_AUTHENTICATION';
  override readonly name = 'AuthenticationError' as const;
}

/** The client was closed before this call started. */
export class ClientClosedError extends SpotifyScraperError {
  static override readonly kind: string = 'ClientClosedError';
  static override readonly code: string = 'ERR_CLIENT_CLOSED';
  override readonly name = 'ClientClosedError' as const;
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
