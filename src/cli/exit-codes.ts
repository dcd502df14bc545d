import { InvalidInputError, NotFoundError, RateLimitedError } from '../errors.js';

/** The CLI's documented exit codes. */
export const EXIT = Object.freeze({ ok: 0, other: 1, invalidInput: 2, notFound: 3, rateLimited: 4 });

export function exitCodeFor(error: unknown): number {
  if (error instanceof InvalidInputError) return EXIT.invalidInput;
  if (error instanceof NotFoundError) return EXIT.notFound;
  if (error instanceof RateLimitedError) return EXIT.rateLimited;
  return EXIT.other;
}
