import { randomBytes } from 'node:crypto';
import { isHash, isRecentTime, isShortText, type SharedReader, type SharedState } from '../cache/shared-state.js';
import { ParseError } from '../errors.js';
import { raceAbort } from '../http/abort.js';
import type { HttpClient } from '../http/http-client.js';
import type { TotpSecretOption } from '../spclient/totp.js';
import { chunksFor, findOperations, findRouteChunks, hashesByName } from './scan.js';
import { findTotpSecrets } from './secrets.js';
import { fetchText, fetchWebPlayerPage, fileOf, type WebPlayerPage } from './page.js';

/** What a discovery read is reused for; a failed one is not tried again for as long. */
export const DISCOVERY_TTL_MS = 3_600_000;
/** One process of a fleet discovers while the others wait this long at most, then adopt what it found. */
export const LOCK_MS = 60_000;
const ADOPT_POLL_MS = 250;

/** What one read of the web player found. */
interface Read {
  at: number;
  bundle: string;
  clientVersion: string | undefined;
  hashes: Map<string, string[]>;
  chunks: Map<string, string>;
  /** Route chunks read already (each at most once per read). */
  chunksRead: Set<string>;
}

/** Candidates for one operation, and where they came from. */
export interface Found {
  hashes: string[];
  /** The file they were read from (`web-player.246acca4.js`, or a route chunk). */
  source: string;
  /** When (epoch ms). */
  at: number;
}

export interface DiscoveryConfig {
  http: HttpClient;
  maxBytes: number;
  /** Shared with a fleet through the cache's store (found hashes, the cool-down, the lock). */
  shared: SharedState;
}

/**
 * Finds persisted-query hashes in Spotify's web player (SPEC §9): its page (with a desktop
 * User-Agent), the `web-player.<hex>.js` bundle, and the route chunk an operation lives in when the
 * bundle lacks it. One discovery at a time per process (callers wait for it); a read is reused for an
 * hour; a failed discovery is not tried again for an hour. With a shared store, what was found and
 * the cool-down are shared, and a lock lets one process of a fleet discover while the others adopt.
 */
/** How long a written lock is left before it is read back (another process's write may still land). */
const LOCK_SETTLE_MS = 300;

/** A wait a caller is in (for the lock of another process): it keeps the process alive, as the call does. */
function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** What another process found: a few hashes, where, and when (within the last hour). */
const readFound: SharedReader<Found> = (value, now) => {
  const found = value as { hashes?: unknown; source?: unknown; at?: unknown } | null;
  return Array.isArray(found?.hashes) &&
    found.hashes.length <= 20 &&
    found.hashes.every(isHash) &&
    isShortText(found.source) &&
    isRecentTime(found.at, now, DISCOVERY_TTL_MS)
    ? { hashes: [...found.hashes], source: found.source, at: found.at }
    : undefined;
};

/** A failed discovery of the fleet: when (within the last hour) and why. */
const readCoolDown: SharedReader<{ at: number; why: string }> = (value, now) => {
  const cooldown = value as { at?: unknown; why?: unknown } | null;
  return isRecentTime(cooldown?.at, now, DISCOVERY_TTL_MS) && isShortText(cooldown.why)
    ? { at: cooldown.at, why: cooldown.why }
    : undefined;
};

/** The fleet's discovery lock: whose it is. */
const readLock: SharedReader<{ owner: string }> = (value) => {
  const lock = value as { owner?: unknown } | null;
  return isShortText(lock?.owner, 64) ? { owner: lock.owner } : undefined;
};

export class WebPlayerDiscovery {
  readonly #config: DiscoveryConfig;
  readonly #owner = randomBytes(8).toString('hex');
  #read: Read | undefined;
  #running: Promise<Read> | undefined;
  #failedAt: number | undefined;
  #failure: string | undefined;
  #clientVersion: { value: string; at: number } | undefined;

  constructor(config: DiscoveryConfig) {
    this.#config = config;
  }

  /** The bundle the last read came from, and when: for messages. */
  get lastRead(): { bundle: string; at: number } | undefined {
    return this.#read && { bundle: this.#read.bundle, at: this.#read.at };
  }

  /**
   * The TOTP secrets in the web player's main bundle (SPEC §10), read now: the account exchange asks
   * only when every secret it has is retired, at most once an hour.
   */
  async totpSecrets(signal?: AbortSignal): Promise<TotpSecretOption[]> {
    const { http, maxBytes } = this.#config;
    const page = await fetchWebPlayerPage(http, maxBytes, signal);
    for (const url of page.bundles) {
      const found = findTotpSecrets(await fetchText(http, url, maxBytes, signal));
      if (found.length > 0) return found;
    }
    return [];
  }

  /** The web player's `clientVersion`, reading its page if no read has it (for the client token). */
  async clientVersion(signal?: AbortSignal): Promise<string | undefined> {
    if (this.#read?.clientVersion) return this.#read.clientVersion;
    // Kept for as long as a read is: every mint of a client token would read the page again otherwise.
    const known = this.#clientVersion;
    if (known && Date.now() - known.at < DISCOVERY_TTL_MS) return known.value;
    const page = await fetchWebPlayerPage(this.#config.http, this.#config.maxBytes, signal);
    if (page.clientVersion !== undefined) this.#clientVersion = { value: page.clientVersion, at: Date.now() };
    return page.clientVersion;
  }

  /** The candidates the web player has for `name` (empty when it has none); rejects when discovery fails. */
  async find(name: string, signal?: AbortSignal, route?: string): Promise<Found> {
    const local = await this.#fromRead(name, signal, route);
    if (local) return local;
    const adopted = await this.#config.shared.get(`found:${name}`, readFound, true);
    if (adopted) return adopted;
    this.#checkCoolDown(await this.#config.shared.get('cooldown', readCoolDown, true));
    const read = await raceAbort(this.#discover(name), signal);
    return (
      (await this.#fromRead(name, signal, route, read)) ?? { hashes: [], source: fileOf(read.bundle), at: read.at }
    );
  }

  /** From the read at hand (fresh), reading the route chunks it needs for `name` once. */
  async #fromRead(
    name: string,
    signal: AbortSignal | undefined,
    route: string | undefined,
    read = this.#read,
  ): Promise<Found | undefined> {
    if (!read || Date.now() - read.at >= DISCOVERY_TTL_MS) return undefined;
    const inBundle = read.hashes.get(name);
    if (inBundle) return { hashes: inBundle, source: fileOf(read.bundle), at: read.at };
    for (const chunk of chunksFor(name, read.chunks, route)) {
      if (read.chunksRead.has(chunk)) continue;
      read.chunksRead.add(chunk);
      const url = read.chunks.get(chunk) as string;
      const code = await fetchText(this.#config.http, url, this.#config.maxBytes, signal);
      for (const [found, hashes] of hashesByName(findOperations(code))) {
        if (!read.hashes.has(found)) read.hashes.set(found, hashes);
        await this.#config.shared.set(`found:${found}`, { hashes, source: fileOf(url), at: read.at }, DISCOVERY_TTL_MS);
      }
      const hashes = read.hashes.get(name);
      if (hashes) return { hashes, source: fileOf(url), at: read.at };
    }
    return undefined;
  }

  #checkCoolDown(shared: { at: number; why: string } | undefined): void {
    const at = Math.max(this.#failedAt ?? 0, shared?.at ?? 0);
    if (at === 0 || Date.now() - at >= DISCOVERY_TTL_MS) return;
    const minutes = Math.ceil((at + DISCOVERY_TTL_MS - Date.now()) / 60_000);
    throw new ParseError(
      `Discovery from the web player failed ${Math.round((Date.now() - at) / 60_000)} min ago (${this.#failure ?? shared?.why ?? 'unknown'}); the next attempt is in ${minutes} min`,
    );
  }

  /** One discovery for every caller of this process; one for the whole fleet with a shared store. */
  #discover(name: string): Promise<Read> {
    this.#running ??= this.#runLocked(name).finally(() => {
      this.#running = undefined;
    });
    return this.#running;
  }

  async #runLocked(name: string): Promise<Read> {
    const { shared } = this.#config;
    if (shared.shared) {
      const adopted = await this.#takeLock(name);
      if (adopted) return adopted;
    }
    try {
      const read = await this.#run();
      this.#read = read;
      for (const [found, hashes] of read.hashes)
        await shared.set(`found:${found}`, { hashes, source: fileOf(read.bundle), at: read.at }, DISCOVERY_TTL_MS);
      return read;
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      this.#failedAt = Date.now();
      this.#failure = why;
      await shared.set('cooldown', { at: this.#failedAt, why: why.slice(0, 300) }, DISCOVERY_TTL_MS);
      throw new ParseError(`Discovery from the web player failed: ${why}`, { cause: error });
    } finally {
      // Only a lock of this process's own is lifted (another may have taken it when this one ran out).
      if (shared.shared && (await shared.get('lock', readLock, true))?.owner === this.#owner)
        await shared.delete('lock');
    }
  }

  /**
   * Takes the fleet's discovery lock, or adopts what the process holding it finds. A store has no
   * set-if-absent, so a lock is written, then read back after a pause: of two processes that wrote
   * at once, the one whose write the store kept discovers, and the other waits for it.
   */
  async #takeLock(name: string): Promise<Read | undefined> {
    const { shared } = this.#config;
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const lock = await shared.get('lock', readLock, true);
      if (lock && lock.owner !== this.#owner) {
        // Another process discovers: adopt what it finds, or go on when its lock runs out.
        for (let waited = 0; waited < LOCK_MS; waited += ADOPT_POLL_MS) {
          await pause(ADOPT_POLL_MS);
          const found = await shared.get(`found:${name}`, readFound, true);
          if (found) return this.#adopted(name, found);
          const cooldown = await shared.get('cooldown', readCoolDown, true);
          if (cooldown) this.#checkCoolDown(cooldown);
          if (!(await shared.get('lock', readLock, true))) break;
        }
      }
      await shared.set('lock', { owner: this.#owner }, LOCK_MS);
      await pause(LOCK_SETTLE_MS);
      const kept = await shared.get('lock', readLock, true);
      if (kept === undefined || kept.owner === this.#owner) return undefined;
    }
    return undefined;
  }

  /** A read made of what another process found. */
  #adopted(name: string, found: Found): Read {
    return {
      at: found.at,
      bundle: found.source,
      clientVersion: undefined,
      hashes: new Map([[name, found.hashes]]),
      chunks: new Map(),
      chunksRead: new Set(),
    };
  }

  async #run(): Promise<Read> {
    const { http, maxBytes } = this.#config;
    const page: WebPlayerPage = await fetchWebPlayerPage(http, maxBytes);
    const hashes = new Map<string, string[]>();
    let chunks = new Map<string, string>();
    let bundle = page.bundles[0] as string;
    for (const url of page.bundles) {
      const code = await fetchText(http, url, maxBytes, undefined);
      const definitions = findOperations(code);
      for (const [name, found] of hashesByName(definitions)) if (!hashes.has(name)) hashes.set(name, found);
      const routes = findRouteChunks(code, url);
      if (routes.size > 0) chunks = new Map([...chunks, ...routes]);
      if (definitions.length > 0) {
        bundle = url;
        break;
      }
    }
    if (hashes.size === 0 && chunks.size === 0)
      throw new ParseError(`${fileOf(bundle)} holds no operation definitions and no route chunks`, { url: bundle });
    return { at: Date.now(), bundle, clientVersion: page.clientVersion, hashes, chunks, chunksRead: new Set() };
  }
}
