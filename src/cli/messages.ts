import { AuthenticationError, InvalidInputError, NotFoundError, RateLimitedError } from '../errors.js';
import { redact } from '../redact.js';

/** The CLI's documented exit codes. */
export const EXIT = Object.freeze({ ok: 0, other: 1, invalidInput: 2, notFound: 3, rateLimited: 4, authentication: 5 });

export function exitCodeFor(error: unknown): number {
  if (error instanceof InvalidInputError) return EXIT.invalidInput;
  if (error instanceof NotFoundError) return EXIT.notFound;
  if (error instanceof RateLimitedError) return EXIT.rateLimited;
  if (error instanceof AuthenticationError) return EXIT.authentication;
  return EXIT.other;
}

/** The flag that sets each library option, by the option's path as InvalidInputError names it. */
const FLAG_FOR_OPTION: Readonly<Record<string, string>> = Object.freeze({
  proxy: '--proxy',
  timeout: '--timeout',
  locale: '--locale',
  rateLimit: '--rate',
  'rateLimit.perSecond': '--rate',
  'rateLimit.burst': '--burst',
  retry: '--retries',
  'retry.maxAttempts': '--retries',
  maxConcurrency: '--concurrency',
  concurrency: '--concurrency',
  maxTracks: '--max-tracks',
  maxEpisodes: '--max-episodes',
  maxReleases: '--max-releases',
  limit: '--limit',
  offset: '--offset',
  types: '--type',
  dispatcher: '--origin',
  'fleet.redis': '--fleet-redis',
  'fleet.key': '--fleet-key',
  'fleet.workers': '--fleet-workers',
  cache: '--cache',
  'cache.store': '--cache',
  cookies: '--cookies',
});

/**
 * An error as the CLI says it, without a class-name prefix: an error about a library option that a
 * flag sets is said about the flag (`--timeout must be …`), from the option the error names.
 */
export function cliMessage(error: unknown): string {
  if (error instanceof InvalidInputError && error.option !== undefined && error.detail !== undefined) {
    const flag = FLAG_FOR_OPTION[error.option];
    if (flag !== undefined) return `${flag} ${error.detail}`;
  }
  return error instanceof Error ? error.message : String(error);
}

/** A value as an error line quotes it: escaped (no terminal escapes) and cut short. */
export function shownValue(value: string): string {
  return quote(value, 80);
}

/** Outside text as the CLI quotes it: cut short, JSON-quoted (no terminal escapes), credentials redacted. */
export function quote(value: unknown, max = 80): string {
  const text = typeof value === 'string' ? value : String(value);
  return redact(JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text));
}
