import { raceAbort } from './abort.js';

/** Every token (anonymous, client, account) is renewed this long before it expires. */
export const EXPIRY_MARGIN_MS = 60_000;

/** A token as its service grants it: the value, and how long it lives from now. */
export interface GrantedToken {
  token: string;
  lifetimeMs: number;
}

/**
 * One token of one kind over its life: kept until `marginMs` before it expires, fetched once for
 * every concurrent caller, and fetched again after a 401 unless another caller already did. The fetch
 * runs on its own, without any caller's signal: a caller that aborts stops only its own wait, never
 * the fetch the others share.
 */
export class SharedToken {
  readonly #fetch: () => Promise<GrantedToken>;
  readonly #now: () => number;
  readonly #marginMs: number;
  #held: { token: string; expiresAtMs: number } | undefined;
  #fetching: Promise<string> | undefined;

  /** @param now the clock the expiry is counted on (ms; only differences count) */
  constructor(fetch: () => Promise<GrantedToken>, now: () => number, marginMs = EXPIRY_MARGIN_MS) {
    this.#fetch = fetch;
    this.#now = now;
    this.#marginMs = marginMs;
  }

  /** Whether a token was fetched and is held. */
  get held(): boolean {
    return this.#held !== undefined;
  }

  /** The token held while outside the margin, else a fresh one. */
  lease(signal?: AbortSignal): Promise<string> {
    const held = this.#held;
    if (held && this.#now() < held.expiresAtMs - this.#marginMs) return Promise.resolve(held.token);
    return this.#fresh(signal);
  }

  /** After a 401 with `stale`: a token another caller already fetched, else a fresh one. */
  renew(stale: string, signal?: AbortSignal): Promise<string> {
    if (this.#held && this.#held.token !== stale) return Promise.resolve(this.#held.token);
    this.#held = undefined;
    return this.#fresh(signal);
  }

  #fresh(signal: AbortSignal | undefined): Promise<string> {
    this.#fetching ??= this.#fetch()
      .then(({ token, lifetimeMs }) => {
        this.#held = { token, expiresAtMs: this.#now() + lifetimeMs };
        return token;
      })
      .finally(() => {
        this.#fetching = undefined;
      });
    return raceAbort(this.#fetching, signal);
  }
}
