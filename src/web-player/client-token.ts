import { randomBytes } from 'node:crypto';
import { HttpError, ParseError } from '../errors.js';
import type { TokenSource } from '../http/authorized.js';
import type { HttpClient } from '../http/http-client.js';
import type { StatusMap } from '../http/response-errors.js';
import { SharedToken, type GrantedToken } from '../http/shared-token.js';
import { readText } from '../http/transport.js';

export const CLIENT_TOKEN_URL = 'https://clienttoken.spotify.com/v1/clienttoken';
/** The web player's client id, as its own requests for a client token name it. */
const WEB_PLAYER_CLIENT_ID = 'd8a5ed958d274c2e8ee717e6a4b0971d';

const CLIENT_TOKEN_STATUS: StatusMap = Object.freeze({ name: 'the client-token service', notFound: 'endpoint' });
/** After v2 refused a token minted for the call, none is minted for this long. */
export const MINT_BACKOFF_MS = 10 * 60_000;

/**
 * The web player's client token (SPEC §9), which `pathfinder/v2` may ask for: minted with the web
 * player's `clientVersion`, kept per process until shortly before it expires, shared by concurrent
 * callers. It never goes to a store or a message; it goes only to the partner API (v2).
 */
export class ClientToken implements TokenSource {
  readonly #http: HttpClient;
  readonly #clientVersion: (signal?: AbortSignal) => Promise<string | undefined>;
  readonly #deviceId = randomBytes(16).toString('hex');
  readonly #tokens = new SharedToken(() => this.#mint(), Date.now);
  #backoffUntil = 0;

  constructor(http: HttpClient, clientVersion: (signal?: AbortSignal) => Promise<string | undefined>) {
    this.#http = http;
    this.#clientVersion = clientVersion;
  }

  /** Whether one was minted (for messages and doctor). */
  get minted(): boolean {
    return this.#tokens.held;
  }

  lease(signal?: AbortSignal): Promise<string> {
    return this.#whileAllowed(() => this.#tokens.lease(signal));
  }

  renew(stale: string, signal?: AbortSignal): Promise<string> {
    return this.#whileAllowed(() => this.#tokens.renew(stale, signal));
  }

  /** v2 refused `token`, fresh from a mint: no token is minted for MINT_BACKOFF_MS. */
  refused(token: string): void {
    this.#backoffUntil = Date.now() + MINT_BACKOFF_MS;
    this.#tokens.discard(token);
  }

  #whileAllowed(get: () => Promise<string>): Promise<string> {
    const wait = this.#backoffUntil - Date.now();
    if (wait <= 0) return get();
    return Promise.reject(
      new HttpError(
        `pathfinder/v2 refused a client token minted for it; none is minted for another ${Math.ceil(wait / 60_000)} min`,
        { url: CLIENT_TOKEN_URL, code: 'CLIENT_TOKEN_REFUSED' },
      ),
    );
  }

  /** One mint, shared by the callers waiting for it (so it listens to none of their signals). */
  async #mint(): Promise<GrantedToken> {
    const clientVersion = await this.#clientVersion();
    if (clientVersion === undefined)
      throw new ParseError(
        "No client token could be had: the web player's page carries no appServerConfig.clientVersion",
      );
    const body = JSON.stringify({
      client_data: {
        client_version: clientVersion,
        client_id: WEB_PLAYER_CLIENT_ID,
        js_sdk_data: {
          device_brand: 'unknown',
          device_model: 'unknown',
          os: 'windows',
          os_version: 'NT 10.0',
          device_id: this.#deviceId,
          device_type: 'computer',
        },
      },
    });
    const text = await this.#http.request(CLIENT_TOKEN_URL, {
      method: 'POST',
      body,
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      statusMap: CLIENT_TOKEN_STATUS,
      allowRedirect: () => false,
      consume: (response) => readText(response, 1_000_000),
    });
    let answer: { response_type?: unknown; granted_token?: { token?: unknown; expires_after_seconds?: unknown } };
    try {
      answer = JSON.parse(text) as typeof answer;
    } catch {
      throw new ParseError(`The client-token service answered with something that is not JSON`, {
        url: CLIENT_TOKEN_URL,
      });
    }
    const token = answer.granted_token?.token;
    const seconds = answer.granted_token?.expires_after_seconds;
    if (answer.response_type !== 'RESPONSE_GRANTED_TOKEN_RESPONSE' || typeof token !== 'string' || token === '') {
      throw new ParseError(
        `The client-token service granted no token (response_type ${JSON.stringify(String(answer.response_type)).slice(0, 60)})`,
        { url: CLIENT_TOKEN_URL },
      );
    }
    const lifetimeMs = typeof seconds === 'number' && seconds > 0 ? seconds * 1000 : 3_600_000;
    return { token, lifetimeMs };
  }
}
