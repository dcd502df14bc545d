import { queryContext, createClientParts, type ClientContext } from './client/context.js';
import { fetchEmbedPage } from './client/entity-loader.js';
import { HttpError, SpotifyScraperError } from './errors.js';
import { modelFromEmbed } from './parse/index.js';
import { resolveOptions, type ClientOptions } from './options.js';
import { builtInHashes, type AnyOperation, type ProbeEntities } from './partner/operation.js';
import { OPERATION_LIST, OPERATIONS } from './partner/operations.js';
import { probeOperation, type QueryContext } from './partner/query.js';
import type { EntityType } from './models/entities.js';
import { fetchText, fetchWebPlayerPage, fileOf } from './web-player/page.js';
import { findOperations, findRouteChunks, hashesByName } from './web-player/scan.js';
import { CLIENT_TOKEN_URL } from './web-player/client-token.js';
import { clip } from './redact.js';
import { batchModeChecks, isrcCheck, storeCheck, transportCheck } from './doctor-lists.js';

import type { DoctorCheck } from './doctor-check.js';

export type { DoctorCheck } from './doctor-check.js';

/** What `doctor()` found, layer by layer. */
export interface DoctorReport {
  checks: DoctorCheck[];
  /** 0 every operation answers with its built-in hash; 1 healed, degraded or stale; 2 a getter or search cannot get its data. */
  exitCode: 0 | 1 | 2;
  /** Requests made (about 20, and one per operation of the table). */
  requests: number;
  /** A ready-to-paste `operations` override when the built-in table is stale, else null. */
  operations: string | null;
  /** Set when it stopped early: an edge 403 (probing on could trip an IP block). */
  stoppedAt: string | null;
}

/** The options of `doctor()`: a client's options (dispatcher, proxy, browser, rate limit, cache store…). */
export type DoctorOptions = Pick<
  ClientOptions,
  | 'dispatcher'
  | 'proxy'
  | 'browser'
  | 'rateLimit'
  | 'timeout'
  | 'userAgent'
  | 'locale'
  | 'headers'
  | 'cache'
  | 'operations'
> & { signal?: AbortSignal | undefined };

/** One known entity per type: long-lived public ones (the shared fixtures' entities). */
export const DOCTOR_ENTITIES: Readonly<Record<EntityType, string>> = Object.freeze({
  track: '4uLU6hMCjMI75M1A2tKUQC',
  album: '6N9PS4QXF1D0OWPk0Sxtb4',
  artist: '0gxyHStUsqpMadRV0Di1Qt',
  playlist: '37i9dQZF1DXcBWIGoYBM5M',
  episode: '07gKzPFkbvGF0cHoeG7ARS',
  show: '4rOoJ6Egrf8K2IrywzwOMk',
});
const KNOWN = DOCTOR_ENTITIES;

/** Operations an entity getter or search needs (a failure of these is exit code 2 when no route works). */
const ESSENTIAL: ReadonlySet<string> = new Set(['search']);

/**
 * A live check of what the library depends on, layer by layer (SPEC §9): reach, the embed pages, each
 * partner operation on v1 with its built-in hash (and the alternates of a refused one), the web
 * player's bundle and its definitions, v2 without and with a client token, the store. Paced by the
 * rate limit (2 a second unless told): about 20 requests and one per operation (six more at most for
 * alternates), stopping at the first edge 403. It also says which mode a batch of tracks or episodes
 * will use (list operations or each value's own getter) and whether spclient gives ISRCs.
 */
export function doctor(options: DoctorOptions = {}): Promise<DoctorReport> {
  return doctorOf(OPERATION_LIST, options);
}

/** `doctor` over the rows given (the table's, or a test's own). */
export async function doctorOf(rows: readonly AnyOperation[], options: DoctorOptions = {}): Promise<DoctorReport> {
  const { signal, ...clientOptions } = options;
  const parts = createClientParts(
    resolveOptions({ rateLimit: { perSecond: 2, burst: 3 }, ...clientOptions, retry: false }),
  );
  const run = new DoctorRun(parts.context, rows, signal, parts.dispatcher);
  try {
    await run.all();
  } finally {
    await parts.limiter.close?.();
    if (parts.ownsDispatcher) await parts.dispatcher.close();
  }
  return run.report();
}

class EdgeRefused extends Error {}

class DoctorRun {
  readonly #context: ClientContext;
  readonly #signal: AbortSignal | undefined;
  readonly #checks: DoctorCheck[] = [];
  readonly #rows: readonly AnyOperation[];
  readonly #stale = new Map<string, string>();
  #requests = 0;
  #stoppedAt: string | null = null;
  #imageId = 'ab67616d0000b273' + '0'.repeat(24);
  #token: string | undefined;
  #broken = false;
  #searchFailed = false;
  /** Operations whose built-in hash answers on v1. */
  readonly #current = new Set<string>();
  /** The v1 line of each operation, by kind. */
  readonly #v1Status = new Map<string, DoctorCheck['status']>();
  /** Alternates probed once a built-in hash was refused, at most this many more. */
  #alternatesLeft = 6;

  readonly #dispatcher: unknown;

  constructor(
    context: ClientContext,
    rows: readonly AnyOperation[],
    signal: AbortSignal | undefined,
    dispatcher?: unknown,
  ) {
    this.#dispatcher = dispatcher;
    this.#context = context;
    this.#rows = rows;
    this.#signal = signal;
  }

  async all(): Promise<void> {
    try {
      await this.#reach();
      await this.#embedPages();
      this.#add(transportCheck(this.#dispatcher, this.#context.options.browser?.mode));
      await this.#v1();
      this.#batchModes();
      await this.#isrc();
      await this.#webPlayer();
      await this.#v2();
      await this.#store();
    } catch (error) {
      if (!(error instanceof EdgeRefused)) throw error;
      this.#stoppedAt = error.message;
      this.#add({
        layer: 'reach',
        name: 'stopped',
        status: 'failed',
        detail: `${error.message}: probing on could trip an IP block${
          this.#context.options.browser ? '' : ' (a 403 challenge page on open.spotify.com: try --browser-fallback)'
        }`,
      });
    }
  }

  report(): DoctorReport {
    // Search has no embed data to fall back on: refused on v1, it is broken unless the bundle has a hash for it.
    if (this.#searchFailed && !this.#stale.has('search')) this.#broken = true;
    const degraded = this.#checks.some((check) => check.status !== 'ok' && check.status !== 'skipped');
    const exitCode = this.#broken || this.#stoppedAt !== null ? 2 : degraded ? 1 : 0;
    const operations =
      this.#stale.size === 0
        ? null
        : `operations: { ${[...this.#stale].map(([kind, hash]) => `${kind}: { hash: '${hash}' }`).join(', ')} }`;
    return { checks: this.#checks, exitCode, requests: this.#requests, operations, stoppedAt: this.#stoppedAt };
  }

  #add(check: DoctorCheck): void {
    this.#checks.push(check);
  }

  /** A request's failure as a line, and an edge 403 as the end of the run. */
  #failure(error: unknown): string {
    if (error instanceof HttpError && error.status === 403)
      throw new EdgeRefused(`an HTTP 403 from ${clip(error.url ?? '', 80)}`);
    if (error instanceof SpotifyScraperError) return `${error.name}: ${clip(error.message, 160)}`;
    return clip(String(error), 160);
  }

  async #reach(): Promise<void> {
    const hosts: Array<[string, string, 'GET' | 'POST']> = [
      ['open.spotify.com', 'https://open.spotify.com/robots.txt', 'GET'],
      ['open.spotifycdn.com', 'https://open.spotifycdn.com/cdn/build/web-player/', 'GET'],
      ['api-partner.spotify.com', 'https://api-partner.spotify.com/pathfinder/v1/query', 'GET'],
      ['clienttoken.spotify.com', CLIENT_TOKEN_URL, 'GET'],
    ];
    for (const [host, url, method] of hosts) {
      this.#requests += 1;
      try {
        const status = await this.#context.http.request(url, {
          method,
          signal: this.#signal,
          statusMap: {
            name: host,
            notFound: 'endpoint',
            special: (response) => new HttpError(`HTTP ${response.status}`, { status: response.status, url }),
          },
          consume: async (response) => {
            response.body.resume();
            return response.status;
          },
        });
        this.#add({ layer: 'reach', name: host, status: 'ok', detail: `answered HTTP ${status}` });
      } catch (error) {
        // Any HTTP answer proves the host is reached (DNS, TLS, the route).
        if (error instanceof HttpError && error.status !== undefined && error.status !== 403) {
          this.#add({ layer: 'reach', name: host, status: 'ok', detail: `answered HTTP ${error.status}` });
        } else {
          this.#add({ layer: 'reach', name: host, status: 'failed', detail: this.#failure(error) });
        }
      }
    }
  }

  async #embedPages(): Promise<void> {
    for (const type of Object.keys(KNOWN) as EntityType[]) {
      this.#requests += 1;
      try {
        const { page, pageUrl } = await fetchEmbedPage(this.#context, type, KNOWN[type], this.#signal);
        const model = modelFromEmbed(type, page, KNOWN[type], pageUrl);
        if (type === 'track') {
          const image = /\/image\/([0-9a-f]{40})$/.exec(model.images[0]?.url ?? '')?.[1];
          if (image) this.#imageId = image;
        }
        const session = page.session;
        this.#token ??= session?.accessToken;
        const expiry = session?.expiresAtMs
          ? `token for ${Math.round((session.expiresAtMs - Date.now()) / 60_000)} min`
          : 'no token';
        this.#add({
          layer: 'embed',
          name: type,
          status: 'ok',
          detail: `"${clip(model.name, 40)}": data script read, model valid, ${expiry}`,
        });
      } catch (error) {
        this.#broken = true;
        this.#add({ layer: 'embed', name: type, status: 'failed', detail: this.#failure(error) });
      }
    }
  }

  #query(): QueryContext {
    return queryContext(this.#context, this.#signal, this.#token);
  }

  /** What the rows probe with: the known entities, and the cover read from the track's page. */
  #known(): ProbeEntities {
    return { ids: KNOWN, imageId: this.#imageId };
  }

  async #v1(): Promise<void> {
    const query = this.#query();
    for (const row of this.#rows) {
      const { kind, name } = row;
      const variables = row.variables(row.probe(this.#known()));
      const hashes = builtInHashes(row);
      let line: DoctorCheck | undefined;
      for (const [index, hash] of hashes.entries()) {
        if (index > 0 && this.#alternatesLeft-- <= 0) break; // the budget: alternates only while it lasts
        this.#requests += 1;
        try {
          const { outcome } = await probeOperation(query, row, hash, variables, 'v1');
          if (outcome.kind === 'refused') continue;
          if (outcome.kind === 'endpoint') {
            if (outcome.why.includes('HTML edge page'))
              throw new EdgeRefused(`pathfinder/v1 answered an HTML 403 edge page (${name})`);
            line = { layer: 'v1', name: name, status: 'failed', detail: `v1 refused: ${outcome.why}` };
            break;
          }
          line =
            index === 0
              ? {
                  layer: 'v1',
                  name: name,
                  status: 'ok',
                  detail: `built-in ${hash.slice(0, 8)}… answers`,
                }
              : {
                  layer: 'v1',
                  name: name,
                  status: 'stale',
                  detail: `built-in refused; alternate ${hash.slice(0, 8)}… answers`,
                };
          if (index > 0) this.#stale.set(kind, hash);
          else this.#current.add(kind);
          break;
        } catch (error) {
          if (error instanceof SpotifyScraperError && error.name === 'NotFoundError') {
            line = {
              layer: 'v1',
              name: name,
              status: index === 0 ? 'ok' : 'stale',
              detail: `${hash.slice(0, 8)}… answers (no such entity)`,
            };
            if (index > 0) this.#stale.set(kind, hash);
            else this.#current.add(kind);
            break;
          }
          line = { layer: 'v1', name: name, status: 'failed', detail: this.#failure(error) };
          break;
        }
      }
      line ??= {
        layer: 'v1',
        name: name,
        status: 'failed',
        detail: `every built-in hash refused (${hashes.map((h) => `${h.slice(0, 8)}…`).join(', ')})`,
      };
      if (line.status === 'failed' && ESSENTIAL.has(kind)) this.#searchFailed = true;
      this.#v1Status.set(kind, line.status);
      this.#add(line);
    }
  }

  #batchModes(): void {
    for (const check of batchModeChecks((kind) => this.#v1Status.get(kind))) this.#add(check);
  }

  async #isrc(): Promise<void> {
    this.#requests += 1;
    this.#add(await isrcCheck(this.#context, KNOWN.track, this.#signal));
  }

  async #webPlayer(): Promise<void> {
    const { http, options } = this.#context;
    try {
      this.#requests += 1;
      const page = await fetchWebPlayerPage(http, options.maxPageBytes, this.#signal);
      const bundle = page.bundles[0] as string;
      this.#requests += 1;
      const code = await fetchText(http, bundle, options.maxPageBytes, this.#signal);
      const found = hashesByName(findOperations(code));
      const chunks = findRouteChunks(code, bundle);
      this.#add({
        layer: 'web player',
        name: fileOf(bundle),
        status: 'ok',
        detail: `clientVersion ${page.clientVersion ?? 'missing'}; ${found.size} operations in the bundle; ${chunks.size} route chunks`,
      });
      for (const { kind, name, hash } of this.#rows) {
        const hashes = found.get(name);
        if (!hashes) continue;
        // The bundle may use another hash while the built-in one still answers (A/B builds): not stale then.
        const same = hashes.includes(hash) || this.#current.has(kind);
        if (!same && !this.#stale.has(kind)) this.#stale.set(kind, hashes[0] as string);
        this.#add({
          layer: 'web player',
          name,
          status: same ? 'ok' : 'stale',
          detail: same
            ? 'the bundle has the built-in hash'
            : `the bundle has ${hashes.map((h) => `${h.slice(0, 8)}…`).join(', ')}, not the built-in ${hash.slice(0, 8)}…`,
        });
      }
    } catch (error) {
      this.#add({ layer: 'web player', name: 'open.spotify.com/', status: 'failed', detail: this.#failure(error) });
    }
  }

  async #v2(): Promise<void> {
    const query = this.#query();
    const row = OPERATIONS.track;
    const variables = row.variables(row.probe(this.#known()));
    this.#requests += 1;
    try {
      const { outcome, steps } = await probeOperation(query, row, row.hash, variables, 'v2');
      const minted = steps.some((step) => step.includes('client token'));
      if (minted) this.#requests += 2;
      const answered = outcome.kind === 'data';
      this.#add({
        layer: 'v2',
        name: 'without a client token',
        status: minted ? 'healed' : answered ? 'ok' : 'failed',
        detail: minted ? 'asked for a client token' : answered ? 'getTrack answers' : `refused (${outcome.kind})`,
      });
      if (minted)
        this.#add({
          layer: 'v2',
          name: 'with a client token',
          status: answered ? 'ok' : 'failed',
          detail: answered ? 'minted one; getTrack answers' : `refused (${outcome.kind})`,
        });
    } catch (error) {
      this.#add({ layer: 'v2', name: 'POST pathfinder/v2', status: 'failed', detail: this.#failure(error) });
    }
  }

  async #store(): Promise<void> {
    const store = this.#context.options.cache?.store;
    if (store) this.#add(await storeCheck(store));
  }
}
