import type { Dispatcher } from 'undici';
import type { ClientOptions } from '../index.js';
import { DEFAULTS } from '../defaults.js';
import { InvalidInputError } from '../errors.js';
import { quote } from './messages.js';

/** The flags every command takes that shape the client, as commander parses them. */
export interface ClientFlags {
  proxy?: string;
  rate?: string;
  burst?: string;
  timeout?: string;
  retries?: string;
  locale?: string;
  partnerApi?: boolean;
  origin?: string;
  concurrency?: string;
  quiet?: boolean;
  fleetRedis?: string;
  fleetKey?: string;
  fleetWorkers?: string;
  /** `--browser [PATH]`: true, or the Chromium to run. */
  browser?: string | boolean;
  browserFallback?: boolean;
}

const PROXY_VARIABLES = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'];

/**
 * ClientOptions from the flags (a bad number is an InvalidInputError naming the flag), and the
 * dispatcher the CLI owns and must close: the `--origin` router, or an `EnvHttpProxyAgent` when no
 * `--proxy` is given and HTTPS_PROXY / HTTP_PROXY are set (it honours NO_PROXY).
 */
export async function clientOptionsFrom(
  flags: ClientFlags,
  onWarning: (message: string) => void,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ options: ClientOptions; owned?: Dispatcher }> {
  const options: ClientOptions = { onWarning, partnerApi: flags.partnerApi !== false };
  if (flags.locale !== undefined) options.locale = flags.locale;
  if (flags.timeout !== undefined) options.timeout = wholeNumber('--timeout', flags.timeout, 1);
  if (flags.retries !== undefined) options.retry = { maxAttempts: wholeNumber('--retries', flags.retries, 0) + 1 };
  if (flags.rate !== undefined || flags.burst !== undefined) {
    const perSecond = flags.rate === undefined ? DEFAULTS.rateLimit.perSecond : positiveNumber('--rate', flags.rate);
    options.rateLimit = {
      perSecond,
      burst: flags.burst === undefined ? DEFAULTS.rateLimit.burst : wholeNumber('--burst', flags.burst, 1),
    };
  }
  if (flags.browser !== undefined || flags.browserFallback === true) {
    const executablePath = typeof flags.browser === 'string' ? flags.browser : undefined;
    // --browser PATH names the Chromium; --browser-fallback (with or without it) keeps plain HTTP until a challenge.
    options.browser = { executablePath, fallback: flags.browserFallback === true };
  }
  if (flags.concurrency !== undefined) options.maxConcurrency = wholeNumber('--concurrency', flags.concurrency, 1);
  if (flags.fleetRedis !== undefined) {
    options.fleet = {
      redis: flags.fleetRedis,
      key: flags.fleetKey,
      workers: flags.fleetWorkers === undefined ? undefined : wholeNumber('--fleet-workers', flags.fleetWorkers, 1),
    };
  } else if (flags.fleetKey !== undefined || flags.fleetWorkers !== undefined) {
    throw new InvalidInputError('--fleet-key and --fleet-workers go with --fleet-redis');
  }
  if (flags.origin !== undefined) {
    // Every request goes to a replay or test server instead of Spotify.
    // The testing kit is loaded only for this flag: a plain run does not pay for it.
    const origin = originOf(flags.origin);
    const { routeTo } = await import('../testing/index.js');
    const owned = routeTo(origin);
    options.dispatcher = owned;
    // What a run against a fake or replay server writes to a cache or fleet Redis stays apart from
    // the entries of runs against Spotify.
    options.namespace = `origin:${origin}`;
    return { options, owned };
  }
  if (flags.proxy !== undefined) {
    options.proxy = flags.proxy;
    return { options };
  }
  if (PROXY_VARIABLES.some((name) => (env[name] ?? '') !== '')) {
    const { EnvHttpProxyAgent } = await import('undici');
    const owned = new EnvHttpProxyAgent();
    options.dispatcher = owned;
    return { options, owned };
  }
  return { options };
}

function originOf(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InvalidInputError(
      `--origin must be an http(s) URL such as http://127.0.0.1:8080, got ${quote(value, 80)}`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new InvalidInputError(`--origin must be an http(s) URL, got ${quote(value, 80)}`);
  return url.origin;
}

/** `--max-tracks` and the like: a whole number or `all`. */
export function limitFlag(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (value === 'all' || value === 'Infinity') return Infinity;
  return wholeNumber(flag, value, 0);
}

export function wholeNumber(flag: string, value: string, min: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min)
    throw new InvalidInputError(`${flag} must be a whole number >= ${min}, got ${quote(value, 40)}`);
  return n;
}

function positiveNumber(flag: string, value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0)
    throw new InvalidInputError(`${flag} must be a number > 0, got ${quote(value, 40)}`);
  return n;
}
