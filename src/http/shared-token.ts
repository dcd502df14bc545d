import { raceAbort } from './abort.js';

/** Every token (anonymous, client, account) is renewed this long before it expires. */
export const EXPIRY_MARGIN_MS = 60_000;

/** A token as its service grants it: the value, and how long it lives from now. */
export interface GrantedToken {
  token: string;
  lifetimeMs: number;
}

interface Held {
  token: string;
  expiresAtMs: number;
  /**
   * It came already inside the margin (a short-lived token, or a clock that runs ahead of the
   * service's): used until the API refuses it rather than fetched again for every call.
   */
  untilRejected: boolean;
}

/**
 * The one mechanism of every token kind (anonymous, client, account): held and kept until `marginMs`
 * before it expires (one that arrives inside the margin is kept until the API refuses it), fetched once
 * for every concurrent caller, and fetched again after a 401 unless another caller already did. The
 * fetch runs on its own, without any caller's signal: a caller that aborts stops only its own wait,
 * never the fetch the others share. A token that came another way (an embed page's) can be offered.
 */
export class SharedToken {
  readonly #fetch: () => Promise<GrantedToken>;
  readonly #now: () => number;
  readonly #marginMs: number;
  #held: Held | undefined;
  #fetching: Promise<string> | undefined;

  /** @param now the clock the expiry is counted on (ms; only differences count) */
  constructor(fetch: () => Promise<GrantedToken>, now: () => number, marginMs = EXPIRY_MARGIN_MS) {
    this.#fetch = fetch;
    this.#now = now;
    this.#marginMs = marginMs;
  }

  /** Whether a token was fetched (or offered) and is held. */
  get held(): boolean {
    return this.#held !== undefined;
  }

  /** Keeps a token that came another way when it outlives the one held (or none is held, or the held one is past its margin). */
  offer(granted: GrantedToken): void {
    const expiresAtMs = this.#now() + granted.lifetimeMs;
    const held = this.#held;
    if (this.#usable(expiresAtMs)) {
      if (held === undefined || held.untilRejected || expiresAtMs > held.expiresAtMs)
        this.#held = { token: granted.token, expiresAtMs, untilRejected: false };
    } else if (held === undefined || !this.#good(held)) {
      this.#held = { token: granted.token, expiresAtMs, untilRejected: true };
    }
  }

  /** The token held while it is good, else a fresh one. */
  lease(signal?: AbortSignal): Promise<string> {
    const held = this.#held;
    if (held && this.#good(held)) return Promise.resolve(held.token);
    return this.#fresh(signal);
  }

  /** After a 401 with `stale`: a good token another caller already fetched, else a fresh one. */
  renew(stale: string, signal?: AbortSignal): Promise<string> {
    const held = this.#held;
    if (held && held.token !== stale && this.#good(held)) return Promise.resolve(held.token);
    if (held?.token === stale) this.#held = undefined;
    return this.#fresh(signal);
  }

  /** Forgets `stale` (the API refused it) without fetching another now. */
  discard(stale: string): void {
    if (this.#held?.token === stale) this.#held = undefined;
  }

  #usable(expiresAtMs: number): boolean {
    return this.#now() < expiresAtMs - this.#marginMs;
  }

  #good(held: Held): boolean {
    return held.untilRejected || this.#usable(held.expiresAtMs);
  }

  #fresh(signal: AbortSignal | undefined): Promise<string> {
    this.#fetching ??= this.#fetch()
      .then(({ token, lifetimeMs }) => {
        const expiresAtMs = this.#now() + lifetimeMs;
        this.#held = { token, expiresAtMs, untilRejected: !this.#usable(expiresAtMs) };
        return token;
      })
      .finally(() => {
        this.#fetching = undefined;
      });
    return raceAbort(this.#fetching, signal);
  }
}
