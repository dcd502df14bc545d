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
import { AccessTokens, type SessionToken } from '../partner/token.js';

/** What every call of a client goes through: its HTTP policies, options, token and cache. */
export interface LoaderContext {
  http: HttpClient;
  options: ResolvedOptions;
  tokens: AccessTokens;
  /** Single flight and the cache, for every getter and discovery call. */
  remember: Remember;
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
  });
  const cache = resolved.cache ? new ResultCache(resolved.cache, () => clock.now(), warn) : null;
  const remember = rememberer(cache, new SingleFlight(), {
    locale: resolved.headers.base['accept-language'],
    partnerApi: resolved.partnerApi,
  });
  const context: LoaderContext = {
    http,
    options: resolved,
    tokens: new AccessTokens({ now: () => clock.now(), bootstrap: () => bootstrap(context) }),
    remember,
  };
  return { context, dispatcher, ownsDispatcher: owned, limiter, release: () => cache?.clear() };
}

/** A query context for one call, using `token` first when the call has one of its own. */
export function queryContext(context: LoaderContext, signal: AbortSignal | undefined, token?: string): QueryContext {
  const { http, options, tokens } = context;
  return { http, tokens, operations: options.operations, maxBytes: options.maxPageBytes, signal, token };
}
