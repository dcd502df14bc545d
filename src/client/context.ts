import type { Dispatcher } from 'undici';
import { ResultCache } from '../cache/result-cache.js';
import { rememberer, type Remember } from '../cache/remember.js';
import { SingleFlight } from '../cache/single-flight.js';
import { chooseDispatcher } from '../http/dispatcher.js';
import { FleetLimiter } from '../http/fleet/fleet-limiter.js';
import { HostGate } from '../http/host-gate.js';
import { HttpClient } from '../http/http-client.js';
import { HostRateLimiter, type HostLimiter } from '../http/rate-limit.js';
import type { ResolvedOptions } from '../options.js';
import type { QueryContext } from '../partner/query.js';
import type { TokenSource } from '../http/authorized.js';
import { AccessTokens, type SessionToken } from '../partner/token.js';
import { Healing } from '../partner/healing.js';
import { SharedState } from '../cache/shared-state.js';
import { ClientTokens } from '../web-player/client-token.js';
import { WebPlayerDiscovery } from '../web-player/discovery.js';
import { AccountTokens } from '../spclient/account-token.js';

/** What every call of a client goes through: its HTTP policies, options, token, healing and cache. */
export interface LoaderContext {
  http: HttpClient;
  options: ResolvedOptions;
  tokens: AccessTokens;
  /** What the client knows of Spotify's persisted queries (dead hashes, discovered ones, the endpoint). */
  healing: Healing;
  /** Single flight and the cache, for every getter and discovery call. */
  remember: Remember;
  /** The account token of the `cookies` option; undefined without one. */
  accountTokens: AccountTokens | undefined;
}

/** A client's context and the resources it must free on close. */
export interface ClientParts {
  context: LoaderContext;
  dispatcher: Dispatcher;
  /** Whether the client created the dispatcher (and so closes it). */
  ownsDispatcher: boolean;
  limiter: HostLimiter;
  /** Frees what the client holds besides sockets: the in-memory cache's entries. */
  release: () => void;
}

/**
 * Wires a client from its resolved options: the dispatcher, the rate limiter (local or fleet), the
 * per-host gate, retries, the anonymous token (bootstrapped by `bootstrap`) and the cache.
 */
export function createClientParts(
  resolved: ResolvedOptions,
  bootstrap: (context: LoaderContext) => Promise<SessionToken>,
): ClientParts {
  const { dispatcher, owned, connections } = chooseDispatcher(
    resolved.dispatcher,
    resolved.proxy,
    resolved.timeout,
    resolved.connectionsPerHost,
  );
  const { clock } = resolved;
  const warn = (message: string): void => resolved.onWarning?.(message);
  const limits = new HostRateLimiter(resolved.rateLimit, resolved.hostRateLimits, clock, resolved.retry.maxDelayMs);
  const limiter: HostLimiter = resolved.fleet ? new FleetLimiter(limits, resolved.fleet, clock, warn) : limits;
  const http = new HttpClient({
    dispatcher,
    limiter,
    gate: new HostGate(connections),
    retry: resolved.retry,
    clock,
    timeoutMs: resolved.timeout,
    headers: resolved.headers,
    onRetry: resolved.onRetry,
    recorder: resolved.recorder,
  });
  const cache = resolved.cache ? new ResultCache(resolved.cache, () => clock.now(), warn) : null;
  const remember = rememberer(cache, new SingleFlight(), {
    locale: resolved.headers.base['accept-language'],
    partnerApi: resolved.partnerApi,
    namespace: resolved.namespace,
  });
  const healingNamespace =
    resolved.namespace === undefined ? 'heal:v1' : `${encodeURIComponent(resolved.namespace)}:heal:v1`;
  const shared = new SharedState(resolved.cache?.store, healingNamespace);
  const discovery = new WebPlayerDiscovery({ http, maxBytes: resolved.maxPageBytes, shared });
  const context: LoaderContext = {
    http,
    options: resolved,
    tokens: new AccessTokens({ now: () => clock.now(), bootstrap: () => bootstrap(context) }),
    healing: new Healing(discovery, new ClientTokens(http, (signal) => discovery.clientVersion(signal)), shared),
    remember,
    accountTokens: resolved.cookies
      ? new AccountTokens({
          http,
          cookies: resolved.cookies,
          secrets: resolved.totpSecrets,
          bundleSecrets: () => discovery.totpSecrets(),
          now: () => clock.now(),
        })
      : undefined,
  };
  return { context, dispatcher, ownsDispatcher: owned, limiter, release: () => cache?.clear() };
}

/** A query context for one call, using `token` first when the call has one of its own. */
export function queryContext(
  context: LoaderContext,
  signal: AbortSignal | undefined,
  token?: string,
  tokens: TokenSource = context.tokens,
): QueryContext {
  const { http, options, healing } = context;
  const warn = (message: string): void => options.onWarning?.(message);
  return { http, tokens, healing, warn, operations: options.operations, maxBytes: options.maxPageBytes, signal, token };
}
