import { isHash, isShortText, type SharedReader, type SharedState } from '../cache/shared-state.js';
import type { ClientToken } from '../web-player/client-token.js';
import type { Found, WebPlayerDiscovery } from '../web-player/discovery.js';
import { builtInHashes, type Operation } from './operation.js';
import type { ResolvedOperation } from './operations.js';

const NONE: Candidate[] = [];

/** The two ways to send a persisted query: v1 (GET) and v2 (a JSON POST). */
export type Endpoint = 'v1' | 'v2';

/** A switch of endpoint is remembered this long; then v1 (Spotify's own first choice) is tried again. */
export const ENDPOINT_FOR_MS = 3_600_000;

/** A refused hash stays dead this long (per endpoint, operation and hash: v1 and v2 may differ). */
export const DEAD_FOR_MS = 24 * 3_600_000;

/** A dead mark: until when (epoch ms), at most 24 h from now. */
const readDeadUntil: SharedReader<number> = (value, now) =>
  typeof value === 'number' && Number.isFinite(value) && value <= now + DEAD_FOR_MS + 60_000 ? value : undefined;

/** The hashes that answered after discovery: a short list of `{hash, source}`. */
const readGood: SharedReader<Candidate[]> = (value) =>
  Array.isArray(value) &&
  value.length <= 20 &&
  value.every((item: { hash?: unknown; source?: unknown } | null) => isHash(item?.hash) && isShortText(item?.source))
    ? (value as Candidate[]).map(({ hash, source }) => ({ hash, source }))
    : undefined;

/** One hash to try, and why it is a candidate. */
export interface Candidate {
  hash: string;
  /** `your operations option`, `discovered in web-player.246acca4.js`, `built-in`, `built-in alternate`. */
  source: string;
}

/**
 * What a client knows about the state of Spotify's persisted queries (SPEC §9): which hashes were
 * refused (dead for 24 h), which ones discovery found and saw answer, which endpoint works. With a
 * shared store, a fleet shares the dead marks and the hashes that answer. Never a token.
 */
export class Healing {
  readonly discovery: WebPlayerDiscovery;
  readonly clientToken: ClientToken;
  readonly #shared: SharedState;
  readonly #dead = new Map<string, number>();
  /** Hashes that answered after discovery, newest first, per operation. */
  readonly #good = new Map<string, Candidate[]>();
  /** The candidate lists as last built, per operation: a healthy call builds nothing. */
  readonly #lists = new Map<string, { operation: ResolvedOperation; good: Candidate[]; list: Candidate[] }>();
  #endpoint: Endpoint = 'v1';
  #switchedAt = 0;

  constructor(discovery: WebPlayerDiscovery, clientToken: ClientToken, shared: SharedState) {
    this.discovery = discovery;
    this.clientToken = clientToken;
    this.#shared = shared;
  }

  /**
   * The endpoint to send with: v2 for an hour after v1 refused in another way than a hash (then v1
   * again), v1 again at once when v2 refuses too.
   */
  get endpoint(): Endpoint {
    if (this.#endpoint === 'v2' && Date.now() - this.#switchedAt >= ENDPOINT_FOR_MS) this.#endpoint = 'v1';
    return this.#endpoint;
  }

  useEndpoint(endpoint: Endpoint): void {
    this.#endpoint = endpoint;
    this.#switchedAt = Date.now();
  }

  /** The candidates in order: yours, then what this client or its fleet discovered and saw answer, then the built-in list. */
  async candidates(
    row: Pick<Operation, 'kind' | 'hash' | 'alternates'>,
    operation: ResolvedOperation,
  ): Promise<Candidate[]> {
    const { kind } = row;
    const good = this.#shared.shared ? await this.#goodList(kind) : (this.#good.get(kind) ?? NONE);
    const known = this.#lists.get(kind);
    if (known && known.operation === operation && known.good === good) return known.list;
    const builtIn = builtInHashes(row).map((hash, index) => ({
      hash,
      source: index === 0 ? 'built-in' : 'built-in alternate',
    }));
    const all = [
      ...operation.userHashes.map((hash) => ({ hash, source: 'your operations option' })),
      ...good,
      ...builtIn,
    ];
    const seen = new Set<string>();
    const list = all.filter((candidate) => !seen.has(candidate.hash) && seen.add(candidate.hash));
    this.#lists.set(kind, { operation, good, list });
    return list;
  }

  /** Whether `hash` was refused on `endpoint` within the last 24 h (here or, with a store, by the fleet). */
  isDead(endpoint: Endpoint, kind: string, hash: string): boolean | Promise<boolean> {
    // Nothing refused yet and no fleet to ask: the healthy path, without a promise.
    if (this.#dead.size === 0 && !this.#shared.shared) return false;
    return this.#isDead(endpoint, kind, hash);
  }

  async #isDead(endpoint: Endpoint, kind: string, hash: string): Promise<boolean> {
    const key = `dead:${endpoint}:${kind}:${hash}`;
    const until = this.#dead.get(key) ?? (await this.#shared.get(key, readDeadUntil));
    if (until === undefined || Date.now() >= until) return false;
    this.#dead.set(key, until);
    return true;
  }

  async markDead(endpoint: Endpoint, kind: string, hash: string): Promise<void> {
    const key = `dead:${endpoint}:${kind}:${hash}`;
    this.#dead.set(key, Date.now() + DEAD_FOR_MS);
    await this.#shared.set(key, Date.now() + DEAD_FOR_MS, DEAD_FOR_MS);
    // A hash refused after it answered (a poisoned or retired one) is no longer kept as good.
    const good = await this.#goodList(kind);
    if (good.some((known) => known.hash === hash)) {
      const kept = good.filter((known) => known.hash !== hash);
      this.#good.set(kind, kept);
      await this.#shared.set(`good:${kind}`, kept, DEAD_FOR_MS);
    }
  }

  /** A discovered hash answered with data: it is tried before the built-in list from now on (and by the fleet). */
  async answered(kind: string, candidate: Candidate): Promise<void> {
    if (!candidate.source.startsWith('discovered')) return;
    const good = [candidate, ...(await this.#goodList(kind)).filter((known) => known.hash !== candidate.hash)];
    this.#good.set(kind, good);
    await this.#shared.set(`good:${kind}`, good, DEAD_FOR_MS);
  }

  /** The web player's candidates for an operation, as candidates. */
  async discover(
    operation: { name: string; route?: string | undefined },
    signal?: AbortSignal,
  ): Promise<{ candidates: Candidate[]; found: Found }> {
    const found = await this.discovery.find(operation.name, signal, operation.route);
    return { found, candidates: found.hashes.map((hash) => ({ hash, source: `discovered in ${found.source}` })) };
  }

  async #goodList(kind: string): Promise<Candidate[]> {
    return this.#good.get(kind) ?? (await this.#shared.get(`good:${kind}`, readGood)) ?? NONE;
  }
}
