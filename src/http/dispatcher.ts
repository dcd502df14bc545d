import type { Dispatcher } from 'undici';
import { undici } from './undici.js';

/** The dispatcher a client uses, and whether the client owns (and so closes) it. */
export interface DispatcherChoice {
  dispatcher: Dispatcher;
  owned: boolean;
  /** Requests the dispatcher carries at once per host: what the client lets in flight per host. */
  connections: number;
}

/**
 * A borrowed dispatcher as given; else a pooled keep-alive Agent, or a ProxyAgent when a proxy is set,
 * with `connections` per host. The client lets as many requests per host in flight as that (the host
 * gate): a request takes its rate-limit token only when a connection can carry it.
 */
export function chooseDispatcher(
  borrowed: Dispatcher | undefined,
  proxy: URL | undefined,
  timeoutMs: number,
  connections: number,
): DispatcherChoice {
  if (borrowed) return { dispatcher: borrowed, owned: false, connections };
  const pool = { keepAliveTimeout: 10_000, connections, connect: { timeout: timeoutMs } };
  if (!proxy) return { dispatcher: new (undici().Agent)(pool), owned: true, connections };
  const dispatcher = new (undici().ProxyAgent)({ uri: proxy.href, ...pool, proxyTls: { timeout: timeoutMs } });
  return { dispatcher, owned: true, connections };
}

/**
 * Set on a dispatcher that sends every request to another origin (the testing kit's `routeTo`): a
 * client with no `namespace` of its own then writes its cache, healing and fleet keys under
 * `origin:<that origin>`, so what a fake or a replay answers never lands beside Spotify's entries.
 */
export const ROUTED_ORIGIN = Symbol.for('spotify-scraper.routed-origin');

/** Tells a fake or replay server which host a routed request was meant for. */
export const INTENDED_HOST_HEADER = 'x-spotify-scraper-host';

/** The origin a dispatcher routes every request to, when it says so. */
export function routedOrigin(dispatcher: unknown): string | undefined {
  const origin = (dispatcher as { [ROUTED_ORIGIN]?: unknown } | null | undefined)?.[ROUTED_ORIGIN];
  return typeof origin === 'string' ? origin : undefined;
}
