import { InvalidInputError, NotFoundError, RateLimitedError } from '../errors.js';
import { quote } from '../redact.js';

/** The CLI's documented exit codes. */
export const EXIT = Object.freeze({ ok: 0, other: 1, invalidInput: 2, notFound: 3, rateLimited: 4 });

export function exitCodeFor(error: unknown): number {
  if (error instanceof InvalidInputError) return EXIT.invalidInput;
  if (error instanceof NotFoundError) return EXIT.notFound;
  if (error instanceof RateLimitedError) return EXIT.rateLimited;
  return EXIT.other;
}

// The library names its options; a command line has flags.
const FLAGS: ReadonlyArray<[RegExp, string]> = [
  [/options\.proxy\b/g, '--proxy'],
  [/options\.timeout\b/g, '--timeout'],
  [/options\.locale\b/g, '--locale'],
  [/options\.rateLimit\b|RateLimit\.perSecond\b/g, '--rate'],
  [/RateLimit\.burst\b/g, '--burst'],
  [/options\.retry\b|RetryPolicy\.maxAttempts\b/g, '--retries'],
  [/options\.maxConcurrency\b|\bconcurrency\b(?= must)/g, '--concurrency'],
  [/\bmaxTracks\b/g, '--max-tracks'],
  [/\bmaxEpisodes\b/g, '--max-episodes'],
  [/\bmaxReleases\b/g, '--max-releases'],
  [/\boptions\.dispatcher\b/g, '--origin'],
  [/\boptions\.fleet\.redis\b/g, '--fleet-redis'],
  [/\boptions\.fleet\.key\b/g, '--fleet-key'],
  [/\boptions\.fleet\.workers\b/g, '--fleet-workers'],
];

/** An error as the CLI says it: the message in the words of flags, without a class-name prefix. */
export function cliMessage(error: unknown): string {
  let message = error instanceof Error ? error.message : String(error);
  for (const [pattern, flag] of FLAGS) message = message.replace(pattern, flag);
  return message;
}

/** A value as an error line quotes it: escaped (no terminal escapes) and cut short. */
export function shownValue(value: string): string {
  return quote(value, 80);
}
