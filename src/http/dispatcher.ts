import type { Dispatcher } from 'undici';
import { undici } from './undici.js';

/** The dispatcher a client uses, and whether the client owns (and so closes) it. */
export interface DispatcherChoice {
  dispatcher: Dispatcher;
  owned: boolean;
  /** Requests the dispatcher carries at once per host: what the client lets in flight per host. */
  connections: number;
}

/** Connections per host of the client's own pool; the client never has more requests than this in flight per host. */
export const CONNECTIONS_PER_HOST = 32;

/** A borrowed dispatcher as given; else a pooled keep-alive Agent, or a ProxyAgent when a proxy is set. */
export function chooseDispatcher(
  borrowed: Dispatcher | undefined,
  proxy: URL | undefined,
  timeoutMs: number,
): DispatcherChoice {
  if (borrowed) return { dispatcher: borrowed, owned: false, connections: CONNECTIONS_PER_HOST };
  const pool = { keepAliveTimeout: 10_000, connections: CONNECTIONS_PER_HOST, connect: { timeout: timeoutMs } };
  if (!proxy) return { dispatcher: new (undici().Agent)(pool), owned: true, connections: CONNECTIONS_PER_HOST };
  const dispatcher = new (undici().ProxyAgent)({ uri: proxy.href, ...pool, proxyTls: { timeout: timeoutMs } });
  return { dispatcher, owned: true, connections: CONNECTIONS_PER_HOST };
}
