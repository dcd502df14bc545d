import { DEFAULTS } from '../defaults.js';
import { HttpError, NetworkError, RateLimitedError, optionError, type SpotifyScraperError } from '../errors.js';
import { quote } from '../redact.js';

/** Settings of the retry policy. `maxAttempts` counts the first attempt. */
export interface RetrySettings {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/** What `new RetryPolicy(...)` (and the `retry` option) takes; a field left out is its default. */
export type RetryOptions = { [K in keyof RetrySettings]?: RetrySettings[K] | undefined };

const JITTER = 0.25;

/**
 * An immutable, validated retry policy. Computed delays are exponential
 * (`baseDelayMs * 2^(attempt-1)`, capped at `maxDelayMs`) plus up to 25 % jitter;
 * a server's Retry-After is used as given, without jitter.
 */
export class RetryPolicy implements RetrySettings {
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;

  constructor(settings: RetryOptions = {}) {
    const {
      maxAttempts = DEFAULTS.retry.maxAttempts,
      baseDelayMs = DEFAULTS.retry.baseDelayMs,
      maxDelayMs = DEFAULTS.retry.maxDelayMs,
    } = settings ?? {};
    this.maxAttempts = whole('maxAttempts', maxAttempts, 1);
    this.baseDelayMs = whole('baseDelayMs', baseDelayMs, 0);
    this.maxDelayMs = whole('maxDelayMs', maxDelayMs, 0);
    if (this.maxDelayMs < this.baseDelayMs) {
      throw optionError(
        'maxDelayMs',
        `(${this.maxDelayMs}) is below baseDelayMs (${this.baseDelayMs})`,
        'RetryPolicy.',
      );
    }
    Object.freeze(this);
  }

  /** The wait before attempt `attempt + 1`, after `attempt` failed. `random` is injectable for tests. */
  backoffMs(attempt: number, random: () => number = Math.random): number {
    const exponential = Math.min(this.baseDelayMs * 2 ** (attempt - 1), this.maxDelayMs);
    return Math.round(exponential * (1 + JITTER * random()));
  }
}

/** No retries: one attempt. (Its maxDelayMs still bounds how long a call waits behind a 429's pause.) */
export const NO_RETRY = new RetryPolicy({ maxAttempts: 1, baseDelayMs: 0, maxDelayMs: DEFAULTS.retry.maxDelayMs });

function whole(field: string, value: unknown, min: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
    throw optionError(field, `must be a whole number >= ${min}, got ${quote(value)}`, 'RetryPolicy.');
  }
  return value;
}

/** HttpError codes no retry can mend: the caller moves on at once (partner/family.ts names them). */
const NOT_RETRIED_CODES = new Set([
  'NOT_IN_CAPTURE',
  'HASH_REFUSED',
  'ENDPOINT_GONE',
  'EDGE_REFUSED',
  'BAD_REQUEST',
  'CLIENT_TOKEN_REQUIRED',
]);

const RETRIED_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CLOSED',
  'TIMEOUT',
]);

/**
 * Whether an attempt's failure is worth another attempt: 429, 403, 5xx, resets, refusals and timeouts.
 * 404 and other 4xx, parse errors and aborts are final.
 */
export function isRetryable(error: SpotifyScraperError): boolean {
  if (error instanceof RateLimitedError) return true;
  // An answer its family reads as a step (a refused hash, an endpoint that moved) is not retried.
  if (error instanceof HttpError && NOT_RETRIED_CODES.has(error.code)) return false;
  if (error instanceof HttpError) {
    const status = error.status ?? 0;
    return status === 403 || status >= 500;
  }
  if (error instanceof NetworkError) return error.code !== undefined && RETRIED_CODES.has(error.code);
  return false;
}
