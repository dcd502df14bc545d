import { raceAbort } from '../http/abort.js';
import { EXPIRY_MARGIN_MS } from '../http/shared-token.js';

/** An anonymous access token as an embed page carries it. */
export interface SessionToken {
  accessToken: string;
  /** `accessTokenExpirationTimestampMs` (epoch ms), or null when the page does not say. */
  expiresAtMs: number | null;
}

export interface AccessTokensConfig {
  /** Epoch milliseconds (the client's clock). */
  now: () => number;
  /** Loads the bootstrap embed page and returns its token (rejecting when it has none). */
  bootstrap: () => Promise<SessionToken>;
}

/** A page that gives no expiry: its token is kept this long. */
const ASSUMED_LIFETIME_MS = 10 * 60_000;

interface Held {
  token: string;
  expiresAtMs: number;
  /**
   * Fetched already inside the margin (a short-lived token, or a clock that runs ahead of Spotify's):
   * used until the API answers 401 rather than fetched again for every call.
   */
  untilRejected: boolean;
}

/**
 * The partner API's anonymous token, over its whole life: taken from any embed page the client loads,
 * bootstrapped from one embed page when none is at hand, kept until 60 s before it expires (one that
 * comes inside that margin is kept until the API rejects it), shared by concurrent callers (one
 * bootstrap for all of them) and renewed once when the API answers 401.
 */
export class AccessTokens {
  #held: Held | undefined;
  #bootstrapping: Promise<string> | undefined;
  readonly #config: AccessTokensConfig;

  constructor(config: AccessTokensConfig) {
    this.#config = config;
  }

  /** Keeps a page's token when it outlives the one held (or when none is held). */
  offer(session: SessionToken | null | undefined): void {
    if (!session) return;
    const expiresAtMs = session.expiresAtMs ?? this.#config.now() + ASSUMED_LIFETIME_MS;
    const held = this.#held;
    if (this.#usable(expiresAtMs)) {
      if (held === undefined || held.untilRejected || expiresAtMs > held.expiresAtMs)
        this.#held = { token: session.accessToken, expiresAtMs, untilRejected: false };
    } else if (held === undefined || !this.#usable(held.expiresAtMs)) {
      this.#held = { token: session.accessToken, expiresAtMs, untilRejected: true };
    }
  }

  /** A token for one call: the one held (while outside the margin, or until rejected), else a fresh one. */
  lease(signal?: AbortSignal): Promise<string> {
    const held = this.#held;
    if (held && (held.untilRejected || this.#usable(held.expiresAtMs))) return Promise.resolve(held.token);
    return this.#fresh(signal);
  }

  /** After a 401 with `stale`: a token another caller already renewed, else a fresh one. */
  renew(stale: string, signal?: AbortSignal): Promise<string> {
    const held = this.#held;
    if (held && held.token !== stale && (held.untilRejected || this.#usable(held.expiresAtMs)))
      return Promise.resolve(held.token);
    if (held?.token === stale) this.#held = undefined;
    return this.#fresh(signal);
  }

  #usable(expiresAtMs: number): boolean {
    return this.#config.now() < expiresAtMs - EXPIRY_MARGIN_MS;
  }

  /** One bootstrap shared by every caller; each caller's own signal only stops its own wait. */
  #fresh(signal: AbortSignal | undefined): Promise<string> {
    this.#bootstrapping ??= this.#bootstrap().finally(() => {
      this.#bootstrapping = undefined;
    });
    return raceAbort(this.#bootstrapping, signal);
  }

  async #bootstrap(): Promise<string> {
    const session = await this.#config.bootstrap();
    this.offer(session);
    return session.accessToken;
  }
}
