import { raceAbort } from '../http/abort.js';

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

/** A token is kept until this long before its expiry. */
export const EXPIRY_MARGIN_MS = 60_000;
/** A page that gives no expiry: its token is kept this long. */
const ASSUMED_LIFETIME_MS = 10 * 60_000;

interface Held {
  token: string;
  expiresAtMs: number;
}

/**
 * The partner API's anonymous token, over its whole life: taken from any embed page the client loads,
 * bootstrapped from one embed page when none is at hand, kept until 60 s before it expires, shared by
 * concurrent callers (one bootstrap for all of them) and renewed once when the API answers 401.
 */
export class AccessTokens {
  #held: Held | undefined;
  #bootstrapping: Promise<string> | undefined;

  constructor(private readonly config: AccessTokensConfig) {}

  /** Keeps a page's token when it outlives the one held. */
  offer(session: SessionToken | null | undefined): void {
    if (!session) return;
    const expiresAtMs = session.expiresAtMs ?? this.config.now() + ASSUMED_LIFETIME_MS;
    if (!this.#usable(expiresAtMs)) return;
    if (this.#held === undefined || expiresAtMs > this.#held.expiresAtMs)
      this.#held = { token: session.accessToken, expiresAtMs };
  }

  /** A token for one call: the one held while it is outside the margin, else a fresh one. */
  lease(signal?: AbortSignal): Promise<string> {
    const held = this.#held;
    if (held && this.#usable(held.expiresAtMs)) return Promise.resolve(held.token);
    return this.#fresh(signal);
  }

  /** After a 401 with `stale`: a token another caller already renewed, else a fresh one. */
  renew(stale: string, signal?: AbortSignal): Promise<string> {
    const held = this.#held;
    if (held && held.token !== stale && this.#usable(held.expiresAtMs)) return Promise.resolve(held.token);
    if (held?.token === stale) this.#held = undefined;
    return this.#fresh(signal);
  }

  #usable(expiresAtMs: number): boolean {
    return this.config.now() < expiresAtMs - EXPIRY_MARGIN_MS;
  }

  /** One bootstrap shared by every caller; each caller's own signal only stops its own wait. */
  #fresh(signal: AbortSignal | undefined): Promise<string> {
    this.#bootstrapping ??= this.#bootstrap().finally(() => {
      this.#bootstrapping = undefined;
    });
    return raceAbort(this.#bootstrapping, signal);
  }

  async #bootstrap(): Promise<string> {
    const session = await this.config.bootstrap();
    // Offered for later callers only when it is outside the margin; this call uses it either way.
    this.offer(session);
    return session.accessToken;
  }
}
