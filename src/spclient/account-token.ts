import { AuthenticationError, HttpError, ParseError } from '../errors.js';
import type { TokenSource } from '../http/authorized.js';
import type { HttpClient } from '../http/http-client.js';
import type { FailedResponse, StatusMap } from '../http/response-errors.js';
import { SharedToken, type GrantedToken } from '../http/shared-token.js';
import { readText } from '../http/transport.js';
import type { CookieSource } from './cookies.js';
import { bytesOf, totpCode, type TotpSecret, type TotpSecretOption } from './totp.js';

export const SERVER_TIME_URL = 'https://open.spotify.com/api/server-time';
export const TOKEN_URL = 'https://open.spotify.com/api/token';
/** Secrets read from the bundle are read again at most this often. */
const BUNDLE_SECRETS_TTL_MS = 3_600_000;
/**
 * A server time further than this from the local clock is not taken (a Date of 1969, of the year
 * 275760): the local clock then stands in, and a code it makes that Spotify refuses is an
 * AuthenticationError saying to check the clock, never a RangeError.
 */
const MAX_CLOCK_SKEW_MS = 24 * 3_600_000;
/** Of the secrets a bundle carries, only the newest few are tried (each try is a request with the cookie). */
const BUNDLE_SECRETS_TRIED = 3;

export interface AccountTokenConfig {
  http: HttpClient;
  cookies: CookieSource;
  /** The secrets to try, newest first (the `totpSecrets` option, else the built-in ones). */
  secrets: readonly TotpSecret[];
  /** Reads `{secret, version}` entries from the web player's bundle, when every secret is retired. */
  bundleSecrets: () => Promise<TotpSecretOption[]>;
  /** The client's clock (ms; only differences count): when the token is due for renewal. */
  now: () => number;
  /** Epoch ms of this machine, for the `totp` code of the local time and when the server's time is unknown. */
  wallNow?: () => number;
}

/** How one ask for a token ended. */
type Answer =
  | { kind: 'token'; token: string; lifetimeMs: number }
  | { kind: 'retired' }
  | { kind: 'invalid' }
  | { kind: 'anonymous' };

const TOKEN_STATUS: StatusMap = Object.freeze({
  name: 'the token endpoint',
  notFound: 'endpoint',
  readsBody: true,
  // A 400 says why in its JSON: a retired secret version, or a code it did not take.
  special: (response: FailedResponse) => {
    if (response.status !== 400) return undefined;
    const body = parse(response.body);
    const code = 'totpVerExpired' in body || 'totpValidUntil' in body ? 'TOTP_RETIRED' : 'TOTP_INVALID';
    return new HttpError(
      `The token endpoint answered HTTP 400 (${code === 'TOTP_RETIRED' ? 'a retired TOTP version' : 'the TOTP was not taken'})`,
      {
        url: TOKEN_URL,
        status: 400,
        code,
      },
    );
  },
});

function parse(body: string | undefined): Record<string, unknown> {
  try {
    const value = JSON.parse(body ?? '') as unknown;
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The `totpSecrets` option, as secrets (a string is the secret's characters, once unescaped). */
export function toSecrets(option: readonly TotpSecretOption[]): TotpSecret[] {
  return option.map(({ version, secret }) => ({
    version,
    bytes: typeof secret === 'string' ? bytesOf(secret) : Uint8Array.from(secret),
  }));
}

/**
 * The account token of the `sp_dc` cookie (SPEC §10): the server's time (with its fallbacks), then
 * `/api/token` with TOTP codes of the local and the server time, the newest secret version first; a
 * retired version tries the next; all retired, the secrets are read from the web player's bundle
 * (once an hour). One exchange is shared by concurrent callers, kept until 60 s before its expiry, and
 * done again once after a 401. The cookie goes to `https://open.spotify.com/api/token` only, never
 * through a redirect; neither it nor the token appears in any message.
 */
export class AccountToken implements TokenSource {
  readonly #config: AccountTokenConfig;
  readonly #tokens: SharedToken;
  #bundleReadAt = Number.NEGATIVE_INFINITY;

  constructor(config: AccountTokenConfig) {
    this.#config = config;
    this.#tokens = new SharedToken(() => this.#exchange(), config.now);
  }

  lease(signal?: AbortSignal): Promise<string> {
    return this.#tokens.lease(signal);
  }

  renew(stale: string, signal?: AbortSignal): Promise<string> {
    return this.#tokens.renew(stale, signal);
  }

  /** One exchange, shared by the callers waiting for it (so it listens to none of their signals). */
  async #exchange(): Promise<GrantedToken> {
    const cookie = await this.#config.cookies.value();
    let serverSeconds = await this.#serverTime();
    const tried = new Set<number>();
    const attempt = async (secrets: readonly TotpSecret[]): Promise<GrantedToken | undefined> => {
      for (const secret of secrets) {
        if (tried.has(secret.version)) continue;
        tried.add(secret.version);
        let answer = await this.#ask(cookie, secret, serverSeconds);
        if (answer.kind === 'invalid') {
          // One more try with a fresh server time (a clock off by a period), then it is a failure.
          serverSeconds = await this.#serverTime();
          answer = await this.#ask(cookie, secret, serverSeconds);
          if (answer.kind === 'invalid')
            throw new AuthenticationError(
              `Spotify refused the TOTP of secret version ${secret.version} twice: check the machine's clock, or give newer secrets with the totpSecrets option`,
            );
        }
        if (answer.kind === 'anonymous')
          throw new AuthenticationError(
            `Spotify did not accept the sp_dc cookie from ${this.#config.cookies.origin} (it answered an anonymous token): it was rejected or has expired; export a fresh one from a browser logged in to open.spotify.com`,
          );
        if (answer.kind === 'token') return { token: answer.token, lifetimeMs: answer.lifetimeMs };
      }
      return undefined;
    };
    const granted = (await attempt(this.#config.secrets)) ?? (await attempt(await this.#fromBundle()));
    if (granted !== undefined) return granted;
    throw new AuthenticationError(
      `The TOTP secrets are stale: Spotify retired every version tried (${[...tried].join(', ')}) and the web player's bundle had no newer one; give current ones with the totpSecrets option`,
    );
  }

  async #fromBundle(): Promise<TotpSecret[]> {
    if (this.#config.now() - this.#bundleReadAt < BUNDLE_SECRETS_TTL_MS) return [];
    this.#bundleReadAt = this.#config.now();
    try {
      return toSecrets((await this.#config.bundleSecrets()).slice(0, BUNDLE_SECRETS_TRIED));
    } catch {
      return [];
    }
  }

  /** The server's time in seconds: its answer, else its Date header (of a failed answer too), else the local clock. */
  async #serverTime(): Promise<number> {
    let date: unknown;
    const statusMap: StatusMap = {
      name: 'the server-time endpoint',
      notFound: 'endpoint',
      special: (response) => {
        date = response.headers?.['date'];
        return undefined;
      },
    };
    try {
      const body = await this.#config.http.get(SERVER_TIME_URL, {
        headers: { accept: 'application/json' },
        statusMap,
        allowRedirect: () => false,
        consume: async (response) => {
          date = response.headers['date'];
          return readText(response, 100_000);
        },
      });
      const seconds = Number(parse(body)['serverTime']);
      if (Number.isSafeInteger(seconds) && this.#sane(seconds * 1000)) return seconds;
    } catch {
      // No answer: the Date header, else the local clock.
    }
    const fromDate = Date.parse(String(Array.isArray(date) ? date[0] : date));
    if (this.#sane(fromDate)) return Math.floor(fromDate / 1000);
    return Math.floor(this.#wallNow() / 1000);
  }

  /** A server time (epoch ms) within MAX_CLOCK_SKEW_MS of the local clock. */
  #sane(ms: number): boolean {
    return Number.isFinite(ms) && Math.abs(ms - this.#wallNow()) <= MAX_CLOCK_SKEW_MS;
  }

  #wallNow(): number {
    return (this.#config.wallNow ?? Date.now)();
  }

  async #ask(cookie: string, secret: TotpSecret, serverSeconds: number): Promise<Answer> {
    const url = new URL(TOKEN_URL);
    url.searchParams.set('reason', 'init');
    url.searchParams.set('productType', 'web-player');
    url.searchParams.set('totp', totpCode(secret.bytes, Math.floor(this.#wallNow() / 1000)));
    url.searchParams.set('totpServer', totpCode(secret.bytes, serverSeconds));
    url.searchParams.set('totpVer', String(secret.version));
    let body: string;
    try {
      body = await this.#config.http.get(url.href, {
        headers: { cookie: `sp_dc=${cookie}`, accept: 'application/json' },
        statusMap: TOKEN_STATUS,
        // The cookie never follows a redirect, wherever it points.
        allowRedirect: () => false,
        consume: (response) => readText(response, 1_000_000),
      });
    } catch (error) {
      if (error instanceof HttpError && error.code === 'TOTP_RETIRED') return { kind: 'retired' };
      if (error instanceof HttpError && error.code === 'TOTP_INVALID') return { kind: 'invalid' };
      throw error;
    }
    const json = parse(body);
    if ('totpVerExpired' in json || 'totpValidUntil' in json) return { kind: 'retired' };
    if (json['isAnonymous'] === true) return { kind: 'anonymous' };
    const token = json['accessToken'];
    if (typeof token !== 'string' || token === '')
      throw new ParseError('The token endpoint answered without an accessToken', { url: TOKEN_URL });
    // Its lifetime as the server counts it (its expiry less its time), so a skewed local clock does not matter.
    const expires = Number(json['accessTokenExpirationTimestampMs']);
    const lifetimeMs =
      Number.isFinite(expires) && expires > 0 ? Math.max(0, expires - serverSeconds * 1000) : 3_600_000;
    return { kind: 'token', token, lifetimeMs };
  }
}
