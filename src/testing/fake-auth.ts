import { BUILT_IN_SECRETS, bytesOf, totpCode, type TotpSecret } from '../spclient/totp.js';
import type { Account } from '../models/account.js';
import { fakeAccount } from './account-factories.js';
import { FAKE_TOKEN } from './embed-pages.js';

/** The `sp_dc` cookie the fake accepts unless told another (`spotify.auth.cookie`). */
export const FAKE_SP_DC = 'fake-sp-dc-cookie-value';
export const FAKE_ACCOUNT_TOKEN_PREFIX = 'fake-account-token-';

const NOTES =
  'Usage of this endpoint is not permitted under the Spotify Developer Terms and Developer Policy, and applicable law';

/** What the fake's `/api/token` answered: status and JSON. */
export interface TokenAnswer {
  status: number;
  body: Record<string, unknown>;
}

/** How the fake's `/api/server-time` answers. */
export type ServerTimeMode = 'ok' | 'missing' | 'error';

/**
 * The fake's account side (SPEC §10): the cookie it takes, the TOTP secret versions it knows and the
 * ones it retired, the server time, the tokens it minted and the account's product state. Change any
 * of it at any time.
 */
export class FakeAuth {
  /** The `sp_dc` value `/api/token` accepts; another gets an anonymous token (`isAnonymous: true`). */
  cookie = FAKE_SP_DC;
  /** `/api/server-time`: `{serverTime}`, a 404, or a 500 (the client then uses the Date header or its clock). */
  serverTime: ServerTimeMode = 'ok';
  /** What the Date header of `/api/server-time` says, when not the fake's clock (a server whose date is wrong). */
  serverDate: (() => string) | undefined = undefined;
  /** How long a minted account token lives, ms. */
  tokenLifetimeMs = 3_600_000;
  /** The answer of `melody/v1/product_state`. */
  account: Account = fakeAccount();
  /** The Canvas operation refuses the anonymous token (HTTP 401), as it may for some tracks. */
  canvasNeedsAccount = false;
  /** The keyless credits operations answer no credits (so a client falls back to spclient). */
  partnerCreditsEmpty = false;
  /** The next this many codes are refused (`Invalid TOTP`), however right: a clock off by a period. */
  refuseCodes = 0;
  /** `/api/token` answers Spotify's HTML 403 "URL Blocked" page (an address its edge refuses). */
  blocked = false;
  /** spclient answers 403 "rbac: access denied" (a token that is not an account's, as Spotify says it). */
  rbac = false;
  /** How many `/api/token` requests the fake answered. */
  exchanges = 0;
  readonly #secrets = new Map<number, TotpSecret>(BUILT_IN_SECRETS.map((secret) => [secret.version, secret]));
  readonly #retired = new Set<number>();
  readonly #live = new Map<string, number>();
  #minted = 0;
  /** The fake's own clock (epoch ms); the TOTP codes are checked against it. */
  now: () => number = () => Date.now();

  /** Spotify retired these secret versions: `/api/token` answers `totpVerExpired` for them. */
  retire(...versions: number[]): void {
    for (const version of versions) this.#retired.add(version);
  }

  /** The fake (also) takes this secret version: `{ version: 62, secret: '…' }`. */
  addSecret(version: number, secret: string | Uint8Array): void {
    this.#secrets.set(version, {
      version,
      bytes: typeof secret === 'string' ? bytesOf(secret) : Uint8Array.from(secret),
    });
    this.#retired.delete(version);
  }

  /** Every account token minted so far stops working (spclient answers 401): a token revoked early. */
  revokeTokens(): void {
    this.#live.clear();
  }

  /** An account token the fake minted and still honours. */
  isAccountToken(authorization: string | undefined): boolean {
    const token = authorization?.startsWith('Bearer ') ? authorization.slice('Bearer '.length) : undefined;
    const expires = token === undefined ? undefined : this.#live.get(token);
    return expires !== undefined && this.now() < expires;
  }

  /** Whether the header carries the anonymous token (the embed pages'). */
  static isAnonymousToken(authorization: string | undefined): boolean {
    return authorization === `Bearer ${FAKE_TOKEN}`;
  }

  /** `/api/server-time`'s body, or undefined for the modes that fail. */
  serverTimeBody(): Record<string, unknown> | undefined {
    return this.serverTime === 'ok' ? { serverTime: Math.floor(this.now() / 1000) } : undefined;
  }

  /** `/api/token?…totp=&totpServer=&totpVer=` with the request's Cookie header. */
  token(url: URL, cookieHeader: string | undefined): TokenAnswer | 'blocked' {
    this.exchanges += 1;
    if (this.blocked) return 'blocked';
    const version = Number(url.searchParams.get('totpVer'));
    const secret = this.#secrets.get(version);
    if (secret === undefined || this.#retired.has(version)) {
      return {
        status: 400,
        body: {
          totpVerExpired: 'error',
          totpValidUntil: new Date(this.now() - 86_400_000).toISOString(),
          error: { code: 400, message: 'Unauthorized request', extra: { _notes: NOTES } },
        },
      };
    }
    const code = url.searchParams.get('totpServer');
    if (this.refuseCodes > 0) {
      this.refuseCodes -= 1;
      return { status: 400, body: { error: { code: 400, message: 'Invalid TOTP' } } };
    }
    if (code === null) return { status: 400, body: { error: { code: 400, message: 'Invalid TOTP' } } };
    // The code of the fake's time, or of the period before or after (a clock a little off).
    const seconds = Math.floor(this.now() / 1000);
    if (![seconds - 30, seconds, seconds + 30].some((at) => totpCode(secret.bytes, at) === code))
      return { status: 400, body: { error: { code: 400, message: 'Unauthorized request', extra: { _notes: NOTES } } } };
    const cookie = readCookie(cookieHeader, 'sp_dc');
    if (cookie !== this.cookie) {
      return {
        status: 200,
        body: {
          clientId: 'fake-client-id',
          accessToken: FAKE_TOKEN,
          accessTokenExpirationTimestampMs: this.now() + 3_600_000,
          isAnonymous: true,
          _notes: NOTES,
        },
      };
    }
    this.#minted += 1;
    const token = `${FAKE_ACCOUNT_TOKEN_PREFIX}${this.#minted}`;
    const expires = this.now() + this.tokenLifetimeMs;
    this.#live.set(token, expires);
    return {
      status: 200,
      body: {
        clientId: 'fake-client-id',
        accessToken: token,
        accessTokenExpirationTimestampMs: expires,
        isAnonymous: false,
        _notes: NOTES,
      },
    };
  }
}

function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}
