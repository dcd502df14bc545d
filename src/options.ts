import type { Dispatcher } from 'undici';
import { DEFAULTS } from './defaults.js';
import { InvalidInputError, optionError } from './errors.js';
import type { Clock } from './http/clock.js';
import { MAX_TIMER_MS, systemClock } from './http/clock.js';
import type { RetryInfo, WireExchange } from './http/http-client.js';
import { RateLimit, type RateLimitOptions } from './http/rate-limit.js';
import { NO_RETRY, RetryPolicy, type RetryOptions } from './http/retry.js';
import {
  DEFAULT_OPERATIONS,
  type OperationKind,
  type OperationOverride,
  type ResolvedOperation,
} from './partner/operations.js';
import { routedOrigin } from './http/dispatcher.js';
import { toProxy } from './http/proxy-option.js';
import { resolveBrowser, type BrowserOption, type ResolvedBrowser } from './http/browser/browser-option.js';
import { requestHeaders, type RequestHeaders } from './http/request-headers.js';
import { quote } from './redact.js';
import { resolveCache, type CacheOptions, type ResolvedCache } from './cache/cache-options.js';
import { resolveFleet, type FleetOptions, type ResolvedFleet } from './http/fleet/options.js';
import { resolveCookies, type CookieSource, type CookiesOption } from './spclient/cookies.js';
import { BUILT_IN_SECRETS, bytesOf, type TotpSecret, type TotpSecretOption } from './spclient/totp.js';

/** Options of `new AsyncSpotifyClient(options)`. Every field is optional. */
export interface ClientOptions {
  /**
   * Token bucket applied per host (each host gets its own bucket). `false` disables limiting.
   * @default new RateLimit({ perSecond: 2, burst: 5 })
   */
  rateLimit?: RateLimit | RateLimitOptions | false | undefined;
  /**
   * Per-host overrides of `rateLimit`, keyed by host name (e.g. `'api-partner.spotify.com'`).
   * @default {}
   */
  hostRateLimits?: Readonly<Record<string, RateLimit | RateLimitOptions | false>> | undefined;
  /**
   * Retry policy; attempts include the first. `false` = one attempt.
   * @default new RetryPolicy({ maxAttempts: 4, baseDelayMs: 500, maxDelayMs: 30_000 })
   */
  retry?: RetryPolicy | RetryOptions | false | undefined;
  /** An http(s) proxy URL; `user:pass@` allowed. Never printed. @default undefined (no proxy) */
  proxy?: string | URL | undefined;
  /**
   * Pages through a real Chromium (playwright-core, an optional peer; the system's browser) for networks
   * whose edge refuses plain HTTP: `true`, `'fallback'` (only after an edge 403), or settings. @default false
   */
  browser?: BrowserOption | undefined;
  /** Per-attempt timeout in ms, covering connect, headers and body. @default 10_000 */
  timeout?: number | undefined;
  /** User-Agent header. @default a current desktop Chrome user agent */
  userAgent?: string | undefined;
  /** BCP-47 locale sent as Accept-Language, e.g. `'de-DE'`. @default undefined (no Accept-Language preference) */
  locale?: string | undefined;
  /** Extra request headers, sent with every request. @default {} */
  headers?: Readonly<Record<string, string>> | undefined;
  /**
   * An undici Dispatcher every request goes through (pages, API, media); rate limit and retry still
   * apply on top. Borrowed: the client never closes it. @default a client-owned pooled `Agent`
   */
  dispatcher?: Dispatcher | undefined;
  /** Use the partner API after the embed page for paging and richer fields. @default true */
  partnerApi?: boolean | undefined;
  /**
   * The partner API's persisted-query hashes to try first, per operation, when Spotify rotates them:
   * `{ playlist: { hash } }` or `{ playlist: { hashes: [...] } }` (a `name` too, should Spotify rename
   * one). The client also heals by itself (built-in alternates, the web player's bundle). @default {}
   */
  operations?: Partial<Record<OperationKind, OperationOverride>> | undefined;
  /** Called before each retry wait. @default undefined */
  onRetry?: ((info: RetryInfo) => void) | undefined;
  /** Called when a result is degraded (partner API fell back to embed data, paging stopped early). @default undefined */
  onWarning?: ((message: string) => void) | undefined;
  /**
   * Requests in flight per host at most: the connections per host of the client's own pool. With a
   * borrowed `dispatcher`, set it to what that dispatcher carries per host (its `connections`), so
   * that a request takes its rate-limit token only when a connection can carry it (a stalled host then
   * gets no burst when it recovers). @default 32
   */
  connectionsPerHost?: number | undefined;
  /** Default concurrency of the batch helpers (`getTracks`, ...). @default 5 */
  maxConcurrency?: number | undefined;
  /** Largest page body accepted, in bytes. @default 20_000_000 */
  maxPageBytes?: number | undefined;
  /** Largest cover or preview download accepted, in bytes; a larger one leaves no file. @default 50_000_000 */
  maxMediaBytes?: number | undefined;
  /** Time source for the rate limiter and retry waits; inject a virtual clock in tests. @default the system clock */
  clock?: Clock | undefined;
  /**
   * Keep validated results of getters and discovery calls: `true` for memory (1,000 entries, 1 h), or
   * `{ ttlMs, maxEntries, store }` (`store`: a Keyv-compatible store shared by processes).
   * @default false
   */
  cache?: boolean | CacheOptions | undefined;
  /**
   * Share the rate limit (and a 429's pause) with every client naming the same Redis and key, in any
   * process or machine: `{ redis: 'redis://host:6379' | ioredis client, key?, workers? }`.
   * @default undefined (each client has its own buckets)
   */
  fleet?: FleetOptions | undefined;
  /**
   * A namespace for what the client writes to shared stores: its cache keys, what healing shares and
   * its fleet's Redis keys. Clients of different namespaces share nothing, so a test or a run against
   * a fake (`--origin`) never writes into production entries. @default none; `origin:<origin>` for a
   * `dispatcher` made by the testing kit's `routeTo(origin)`
   */
  namespace?: string | undefined;
  /**
   * The `sp_dc` cookie of a Spotify account, for the account features (lyrics, transcripts, user
   * profiles, the account's state): the value, `{ sp_dc }`, or `{ file }` (a browser's cookies.txt or a
   * file holding the value, read at the first account call). Sent only to
   * `https://open.spotify.com/api/token`; never printed. @default undefined (keyless features only)
   */
  cookies?: CookiesOption | undefined;
  /**
   * The web player's TOTP secrets for the cookie exchange, newest first, replacing the built-in ones
   * when Spotify retired them: `[{ version: 62, secret: '…' }]` (the string as it appears once
   * unescaped, or its bytes). @default the built-in v61, v60, v59
   */
  totpSecrets?: readonly TotpSecretOption[] | undefined;
}

/**
 * Not an option of the public type: `capture()` passes its recorder under this key (a symbol, so
 * neither the option check nor a user's object literal ever meets it).
 */
export const RECORDER = Symbol.for('spotify-scraper.recorder');

/** Every option name, to refuse a misspelt one. */
const KNOWN_OPTIONS: ReadonlySet<string> = new Set<keyof ClientOptions>([
  'rateLimit',
  'hostRateLimits',
  'retry',
  'proxy',
  'browser',
  'timeout',
  'userAgent',
  'locale',
  'headers',
  'dispatcher',
  'partnerApi',
  'operations',
  'onRetry',
  'onWarning',
  'connectionsPerHost',
  'maxConcurrency',
  'maxPageBytes',
  'maxMediaBytes',
  'clock',
  'cache',
  'fleet',
  'namespace',
  'cookies',
  'totpSecrets',
]);

/** Every default, once (the table in defaults.ts). */
export { DEFAULTS };

/** The client's default user agent. */
export const DEFAULT_USER_AGENT = DEFAULTS.userAgent;

/** Options after validation, with every default filled in. */
export interface ResolvedOptions {
  rateLimit: RateLimit | false;
  hostRateLimits: ReadonlyMap<string, RateLimit | false>;
  retry: RetryPolicy;
  proxy: URL | undefined;
  browser: ResolvedBrowser | null;
  timeout: number;
  headers: RequestHeaders;
  dispatcher: Dispatcher | undefined;
  partnerApi: boolean;
  operations: Readonly<Record<OperationKind, ResolvedOperation>>;
  onRetry: ((info: RetryInfo) => void) | undefined;
  onWarning: ((message: string) => void) | undefined;
  connectionsPerHost: number;
  maxConcurrency: number;
  maxPageBytes: number;
  maxMediaBytes: number;
  clock: Clock;
  cache: ResolvedCache | null;
  fleet: ResolvedFleet | null;
  namespace: string | undefined;
  cookies: CookieSource | undefined;
  totpSecrets: readonly TotpSecret[];
  /** capture()'s recorder of every exchange on the wire. */
  recorder: ((exchange: WireExchange) => void) | undefined;
}

export function resolveOptions(options: ClientOptions = {}): ResolvedOptions {
  if (typeof options !== 'object' || options === null) throw new InvalidInputError('options must be an object');
  for (const name of Object.keys(options)) {
    if (!KNOWN_OPTIONS.has(name))
      throw new InvalidInputError(`Unknown client option ${quote(name, 60)}; known: ${[...KNOWN_OPTIONS].join(', ')}`, {
        option: name,
      });
  }
  if (options.proxy !== undefined && options.dispatcher !== undefined) {
    throw optionError('proxy', 'and options.dispatcher cannot both be set: configure the proxy on your dispatcher');
  }
  // A dispatcher routed to a test or replay server (routeTo) namespaces what the client shares by its origin.
  const routed = routedOrigin(options.dispatcher);
  const namespace = namespaceOption(options.namespace) ?? (routed === undefined ? undefined : `origin:${routed}`);
  return {
    rateLimit: toRateLimit('rateLimit', options.rateLimit ?? DEFAULTS.rateLimit),
    hostRateLimits: toHostRateLimits(options.hostRateLimits ?? {}),
    retry: toRetry(options.retry ?? DEFAULTS.retry),
    proxy: toProxy(options.proxy),
    browser: resolveBrowser(options.browser),
    timeout: timeoutOption(options.timeout ?? DEFAULTS.timeout),
    headers: requestHeaders(options.userAgent ?? DEFAULTS.userAgent, options.locale, options.headers),
    dispatcher: checkDispatcher(options.dispatcher),
    partnerApi: booleanOption('partnerApi', options.partnerApi ?? DEFAULTS.partnerApi),
    operations: toOperations(options.operations ?? {}),
    onRetry: callback('onRetry', options.onRetry),
    onWarning: callback('onWarning', options.onWarning),
    connectionsPerHost: positiveInteger(
      'connectionsPerHost',
      options.connectionsPerHost ?? DEFAULTS.connectionsPerHost,
    ),
    maxConcurrency: positiveInteger('maxConcurrency', options.maxConcurrency ?? DEFAULTS.maxConcurrency),
    maxPageBytes: positiveInteger('maxPageBytes', options.maxPageBytes ?? DEFAULTS.maxPageBytes),
    maxMediaBytes: positiveInteger('maxMediaBytes', options.maxMediaBytes ?? DEFAULTS.maxMediaBytes),
    clock: options.clock ?? systemClock,
    cache: resolveCache(options.cache),
    fleet: namespacedFleet(resolveFleet(options.fleet), namespace),
    namespace,
    cookies: resolveCookies(options.cookies),
    totpSecrets: toTotpSecrets(options.totpSecrets),
    recorder: (options as { [RECORDER]?: (exchange: WireExchange) => void })[RECORDER],
  };
}

function toRateLimit(field: string, value: unknown): RateLimit | false {
  if (value === false || value instanceof RateLimit) return value;
  if (typeof value !== 'object' || value === null) {
    throw optionError(field, 'must be a RateLimit, {perSecond, burst} or false');
  }
  try {
    return new RateLimit(value as RateLimitOptions);
  } catch (error) {
    throw nested(field, error);
  }
}

function toHostRateLimits(value: unknown): ReadonlyMap<string, RateLimit | false> {
  if (typeof value !== 'object' || value === null) throw optionError('hostRateLimits', 'must be an object');
  const map = new Map<string, RateLimit | false>();
  for (const [host, limit] of Object.entries(value)) {
    map.set(host.toLowerCase(), toRateLimit(`hostRateLimits["${host}"]`, limit));
  }
  return map;
}

function toRetry(value: unknown): RetryPolicy {
  if (value === false) return NO_RETRY;
  if (value instanceof RetryPolicy) return value;
  if (typeof value !== 'object' || value === null) {
    throw optionError('retry', 'must be a RetryPolicy, {maxAttempts, baseDelayMs, maxDelayMs} or false');
  }
  try {
    return new RetryPolicy(value as RetryOptions);
  } catch (error) {
    throw nested('retry', error);
  }
}

function toOperations(value: unknown): Readonly<Record<OperationKind, ResolvedOperation>> {
  if (typeof value !== 'object' || value === null) throw optionError('operations', 'must be an object');
  const kinds = Object.keys(DEFAULT_OPERATIONS) as OperationKind[];
  const resolved = Object.fromEntries(
    kinds.map((kind) => [kind, Object.freeze({ name: DEFAULT_OPERATIONS[kind].name, userHashes: Object.freeze([]) })]),
  ) as unknown as Record<OperationKind, ResolvedOperation>;
  for (const [kind, operation] of Object.entries(value)) {
    if (!(kind in DEFAULT_OPERATIONS)) {
      throw new InvalidInputError(
        `options.operations has an unknown kind ${quote(kind, 60)}; known: ${kinds.join(', ')}`,
        { option: 'operations' },
      );
    }
    resolved[kind as OperationKind] = toOperation(kind as OperationKind, operation);
  }
  return Object.freeze(resolved);
}

const HASH = /^[0-9a-f]{64}$/i;

function toOperation(kind: OperationKind, value: unknown): ResolvedOperation {
  const option = `operations.${kind}`;
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw optionError(option, 'must be { hash } or { hashes: [...] }, with a name if Spotify renamed it');
  const { name, hash, hashes, ...unknown } = value as OperationOverride & Record<string, unknown>;
  if (Object.keys(unknown).length > 0)
    throw optionError(option, `has an unknown field ${quote(Object.keys(unknown)[0])}; known: name, hash, hashes`);
  if (name !== undefined && (typeof name !== 'string' || !/^\w{1,100}$/.test(name)))
    throw optionError(`${option}.name`, `must be an operation name such as ${DEFAULT_OPERATIONS[kind].name}`);
  if (hashes !== undefined && !Array.isArray(hashes)) throw optionError(`${option}.hashes`, 'must be a list of hashes');
  const given = [...(hash === undefined ? [] : [hash]), ...(hashes ?? [])];
  if (given.length === 0 && name === undefined) throw optionError(option, 'must give a hash, hashes or a name');
  for (const candidate of given) {
    if (typeof candidate !== 'string' || !HASH.test(candidate))
      throw optionError(
        `${option}.${hash === candidate ? 'hash' : 'hashes'}`,
        `must be 64 hex digits (a sha256 hash), got ${quote(candidate, 80)}`,
      );
  }
  return Object.freeze({
    name: name ?? DEFAULT_OPERATIONS[kind].name,
    userHashes: Object.freeze([...new Set(given.map((candidate) => candidate.toLowerCase()))]),
  });
}

function checkDispatcher(value: unknown): Dispatcher | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || typeof (value as Dispatcher).dispatch !== 'function') {
    throw optionError('dispatcher', 'must be an undici Dispatcher');
  }
  return value as Dispatcher;
}

function positiveInteger(field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw optionError(field, `must be a whole number >= 1, got ${quote(value)}`);
  }
  return value;
}

function timeoutOption(value: unknown): number {
  const ms = positiveInteger('timeout', value);
  if (ms > MAX_TIMER_MS)
    throw optionError('timeout', `must be at most ${MAX_TIMER_MS} ms (about 24.8 days), got ${ms}`);
  return ms;
}

function booleanOption(field: string, value: unknown): boolean {
  if (typeof value !== 'boolean') throw optionError(field, 'must be true or false');
  return value;
}

function callback<F>(field: string, value: F | undefined): F | undefined {
  if (value !== undefined && typeof value !== 'function') throw optionError(field, 'must be a function');
  return value;
}

/** An error of a RateLimit or RetryPolicy field, as the option that holds it (`rateLimit.perSecond`). */
function nested(option: string, error: unknown): InvalidInputError {
  if (error instanceof InvalidInputError && error.option !== undefined && error.detail !== undefined) {
    return optionError(`${option}.${error.option}`, error.detail);
  }
  return optionError(option, `is invalid: ${(error as Error).message}`);
}

function toTotpSecrets(value: unknown): readonly TotpSecret[] {
  if (value === undefined) return BUILT_IN_SECRETS;
  if (!Array.isArray(value) || value.length === 0)
    throw optionError('totpSecrets', 'must be a non-empty list of { version, secret }');
  return value.map((entry: unknown, index) => {
    const { version, secret } = (entry ?? {}) as Partial<TotpSecretOption>;
    if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1)
      throw optionError(`totpSecrets[${index}].version`, `must be a whole number >= 1, got ${quote(version)}`);
    const bytes =
      typeof secret === 'string'
        ? bytesOf(secret)
        : secret instanceof Uint8Array ||
            (Array.isArray(secret) && secret.every((b) => Number.isInteger(b) && b >= 0 && b <= 255))
          ? Uint8Array.from(secret)
          : undefined;
    // Never quoted: a secret.
    if (bytes === undefined || bytes.length === 0)
      throw optionError(`totpSecrets[${index}].secret`, 'must be a non-empty string, Uint8Array or list of bytes');
    return { version, bytes };
  });
}

function namespaceOption(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const printable =
    typeof value === 'string' && [...value].every((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f);
  if (typeof value !== 'string' || value.length === 0 || value.length > 200 || !printable)
    throw optionError('namespace', `must be 1-200 printable characters, got ${quote(value, 60)}`);
  return value;
}

/** A fleet's Redis keys in the client's namespace: clients of different namespaces share no budget. */
function namespacedFleet(fleet: ResolvedFleet | null, namespace: string | undefined): ResolvedFleet | null {
  if (fleet === null || namespace === undefined) return fleet;
  return { ...fleet, key: `${fleet.key}:ns:${namespace.replace(/[^\w.:-]/g, '_')}` };
}
