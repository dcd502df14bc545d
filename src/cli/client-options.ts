import { Agent } from 'undici';
import { InvalidInputError } from '../errors.js';
import type { ClientOptions } from '../options.js';
import { rerouteTo } from './reroute.js';

/** The flags shared by every command, as commander parses them. */
export interface CliFlags {
  proxy?: string;
  rate?: string;
  burst?: string;
  timeout?: string;
  retries?: string;
  locale?: string;
  partnerApi?: boolean;
  origin?: string;
  concurrency?: string;
}

/** Builds ClientOptions from the flags; a bad number is an InvalidInputError naming the flag. */
export function clientOptionsFrom(flags: CliFlags, onWarning: (message: string) => void): { options: ClientOptions; agent?: Agent } {
  const options: ClientOptions = { onWarning, partnerApi: flags.partnerApi !== false };
  if (flags.proxy !== undefined) options.proxy = flags.proxy;
  if (flags.locale !== undefined) options.locale = flags.locale;
  if (flags.timeout !== undefined) options.timeout = wholeNumber('--timeout', flags.timeout, 1);
  if (flags.retries !== undefined) options.retry = { maxAttempts: wholeNumber('--retries', flags.retries, 0) + 1 };
  if (flags.rate !== undefined || flags.burst !== undefined) {
    const perSecond = flags.rate === undefined ? 2 : positiveNumber('--rate', flags.rate);
    options.rateLimit = { perSecond, burst: flags.burst === undefined ? 5 : wholeNumber('--burst', flags.burst, 1) };
  }
  if (flags.concurrency !== undefined) options.maxConcurrency = wholeNumber('--concurrency', flags.concurrency, 1);
  if (flags.origin === undefined) return { options };
  // --origin sends every request to a replay or test server instead of Spotify.
  const agent = new Agent();
  options.dispatcher = agent.compose(rerouteTo(new URL(flags.origin).origin));
  return { options, agent };
}

/** `--max-tracks` / `--max-episodes`: a whole number or `all`. */
export function limitFlag(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (value === 'all' || value === 'Infinity') return Infinity;
  return wholeNumber(flag, value, 0);
}

function wholeNumber(flag: string, value: string, min: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min) throw new InvalidInputError(`${flag} must be a whole number >= ${min}, got "${value}"`);
  return n;
}

function positiveNumber(flag: string, value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidInputError(`${flag} must be a number > 0, got "${value}"`);
  return n;
}
