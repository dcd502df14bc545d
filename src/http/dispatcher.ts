import { Agent, ProxyAgent, type Dispatcher } from 'undici';
import { registerSecret } from '../redact.js';

/** The dispatcher a client uses, and whether the client owns (and so closes) it. */
export interface DispatcherChoice {
  dispatcher: Dispatcher;
  owned: boolean;
}

/** A borrowed dispatcher as given; else a pooled keep-alive Agent, or a ProxyAgent when a proxy is set. */
export function chooseDispatcher(borrowed: Dispatcher | undefined, proxy: URL | undefined, timeoutMs: number): DispatcherChoice {
  if (borrowed) return { dispatcher: borrowed, owned: false };
  const pool = { keepAliveTimeout: 10_000, connections: 32, connect: { timeout: timeoutMs } };
  if (!proxy) return { dispatcher: new Agent(pool), owned: true };
  rememberProxySecrets(proxy);
  return { dispatcher: new ProxyAgent({ uri: proxy.href, ...pool, proxyTls: { timeout: timeoutMs } }), owned: true };
}

function rememberProxySecrets(proxy: URL): void {
  if (proxy.password === '') return;
  const user = decodeURIComponent(proxy.username);
  const password = decodeURIComponent(proxy.password);
  registerSecret(proxy.password);
  registerSecret(password);
  registerSecret(`${user}:${password}`);
  registerSecret(Buffer.from(`${user}:${password}`).toString('base64'));
}
