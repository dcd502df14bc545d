import type { Dispatcher } from 'undici';
import { ResultCache } from '../cache/result-cache.js';
import { rememberer, type Remember } from '../cache/remember.js';
import { SingleFlight } from '../cache/single-flight.js';
import { chooseDispatcher } from '../http/dispatcher.js';
import { createBrowserDispatcher } from '../http/browser/browser-dispatcher.js';
import { FleetLimiter } from '../http/fleet/fleet-limiter.js';
import { HostGate } from '../http/host-gate.js';
import { HttpClient } from '../http/http-client.js';
import { HostRateLimiter, type HostLimiter } from '../http/rate-limit.js';
import type { ResolvedOptions } from '../options.js';
import type { QueryContext } from '../partner/query.js';
import type { TokenSource } from '../http/authorized.js';
import { AnonymousToken } from '../partner/anonymous-token.js';
import { fetchEmbedPage } from '../embed/fetch-page.js';
import { Healing } from '../partner/healing.js';
import { SharedState } from '../cache/shared-state.js';
import { ClientToken } from '../web-player/client-token.js';
import { WebPlayerDiscovery } from '../web-player/discovery.js';
import { AccountToken } from '../spclient/account-token.js';
import { IsrcLookup } from './isrc.js';

/** What every call of a client goes through: its HTTP policies, options, token, healing and cache. */
export interface ClientContext {
  http: HttpClient;
  options: ResolvedOptions;
  /** The partner API's anonymous token. */
  anonymousToken: AnonymousToken;
  /** What the client knows of Spotify's persisted queries (dead hashes, discovered ones, the endpoint). */
  healing: Healing;
  /** Single flight and the cache, for every getter and discovery call. */
  remember: Remember;
  /** ISRCs from spclient's track metadata (opt-in: `externalIds`). */
  isrc: IsrcLookup;
  /** The account token of the `cookies` option; undefined without one. */
  accountToken: AccountToken | undefined;
}

/** A client's context and the resources it must free on close. */
export interface ClientParts {
  context: ClientContext;
  dispatcher: Dispatcher;
  /** Whether the client created the dispatcher (and so closes it). */
  ownsDispatcher: boolean;
  limiter: HostLimiter;
  /** Frees what the client holds besides sockets: the in-memory cache's entries. */
  release: () => void;
}

/**
 * Wires a client from its resolved options: the dispatcher, the rate limiter (local or fleet), the
 * per-host gate, retries, the three tokens (anonymous, client, account) and the cache.
 */
export function createClientParts(resolved: ResolvedOptions): ClientParts {
  const chosen = chooseDispatcher(resolved.dispatcher, resolved.proxy, resolved.timeout, resolved.connectionsPerHost);
  const { clock } = resolved;
  const warn = (message: string): void => resolved.onWarning?.(message);
  // The browser transport (SPEC §14) is a dispatcher over the HTTP one: everything above it applies unchanged.
  const { browser } = resolved;
  const limits = new HostRateLimiter(resolved.rateLimit, resolved.hostRateLimits, clock, resolved.retry.maxDelayMs);
  // Its requests start under a copy of the rate limit too: Chromium's delays must not bunch them at the host.
  const starts = browser ? new HostRateLimiter(resolved.rateLimit, resolved.hostRateLimits, clock) : undefined;
  const dispatcher = browser
    ? createBrowserDispatcher(chosen.dispatcher, chosen.owned, browser, resolved.proxy, warn, (host, signal) =>
        starts?.take(host, signal),
      )
    : chosen.dispatcher;
  const owned = browser ? true : chosen.owned;
  const { connections } = chosen;
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
    recordMaxBytes: Math.max(resolved.maxPageBytes, resolved.maxMediaBytes),
  });
  const cache = resolved.cache ? new ResultCache(resolved.cache, () => clock.now(), warn) : null;
  const remember = rememberer(cache, new SingleFlight(), {
    locale: resolved.headers.base['accept-language'],
    partnerApi: resolved.partnerApi,
    namespace: resolved.namespace,
  });
  const healingNamespace =
    resolved.namespace === undefined ? 'heal:v1' : `${encodeURIComponent(resolved.namespace)}:heal:v1`;
  const shared = new SharedState(resolved.cache?.store, healingNamespace, warn);
  const discovery = new WebPlayerDiscovery({ http, maxBytes: resolved.maxPageBytes, shared });
  const context: ClientContext = {
    http,
    options: resolved,
    anonymousToken: new AnonymousToken({
      now: () => clock.now(),
      fetchPage: (type, id) => fetchEmbedPage(http, resolved.maxPageBytes, type, id, undefined),
    }),
    isrc: undefined as unknown as IsrcLookup,
    healing: new Healing(discovery, new ClientToken(http, (signal) => discovery.clientVersion(signal)), shared),
    remember,
    accountToken: resolved.cookies
      ? new AccountToken({
          http,
          cookies: resolved.cookies,
          secrets: resolved.totpSecrets,
          bundleSecrets: () => discovery.totpSecrets(),
          now: () => clock.now(),
        })
      : undefined,
  };
  context.isrc = new IsrcLookup(http, context.anonymousToken, resolved.maxPageBytes, warn);
  return { context, dispatcher, ownsDispatcher: owned, limiter, release: () => cache?.clear() };
}

/** A query context for one call, using `token` first when the call has one of its own. */
export function queryContext(
  context: ClientContext,
  signal: AbortSignal | undefined,
  token?: string,
  tokens: TokenSource = context.anonymousToken,
): QueryContext {
  const { http, options, healing } = context;
  const warn = (message: string): void => options.onWarning?.(message);
  return { http, tokens, healing, warn, operations: options.operations, maxBytes: options.maxPageBytes, signal, token };
}
