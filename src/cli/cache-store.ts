import type * as KeyvRedisModule from '@keyv/redis';
import type * as KeyvModule from 'keyv';
import type { CacheStore } from '../index.js';
import { InvalidInputError } from '../errors.js';
import { quote } from './messages.js';

/** A Keyv store on Redis for `--cache redis://…`, and how to close its connection. */
export interface CliCacheStore {
  store: CacheStore;
  close(): Promise<void>;
}

const INSTALL = 'npm install keyv@5 @keyv/redis@4';

/**
 * Opens the store behind `--cache`: Keyv 5 with @keyv/redis 4 on the given URL. Both are optional
 * peer dependencies, loaded only here, only when the flag is given.
 */
export async function openCacheStore(value: string): Promise<CliCacheStore> {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InvalidInputError(`--cache must be a redis:// or rediss:// URL, got ${quote(value, 80)}`);
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:')
    throw new InvalidInputError(`--cache must be a redis:// or rediss:// URL, got ${quote(url.protocol, 20)}`);
  // What node-redis would throw on later as a URIError or a bad database: a usage error now.
  if (!/^\/?(?:\d{1,5})?$/.test(url.pathname))
    throw new InvalidInputError(
      `--cache must name a database by its number (redis://host:6379/0), got the path ${quote(url.pathname, 40)}`,
    );
  try {
    decodeURIComponent(url.username);
    decodeURIComponent(url.password);
  } catch {
    throw new InvalidInputError('--cache has a malformed %-escape in its user name or password');
  }
  let modules: [typeof KeyvModule, typeof KeyvRedisModule];
  try {
    modules = await Promise.all([import('keyv'), import('@keyv/redis')]);
  } catch {
    throw new InvalidInputError(`--cache needs the packages keyv and @keyv/redis: ${INSTALL}`);
  }
  const [{ Keyv }, { default: KeyvRedis }] = modules;
  const redis = new KeyvRedis(
    { url: url.href, socket: { reconnectStrategy: (retries: number) => Math.min(100 * 2 ** retries, 2_000) } },
    { throwOnConnectError: false },
  );
  // node-redis emits 'error' on a lost connection: without a listener that would end the process. The
  // client's cache reports an outage itself, once.
  redis.client.on('error', () => undefined);
  const store = new Keyv(redis, { namespace: 'spotify-scraper' });
  store.on('error', () => undefined);
  return {
    store,
    // Disconnecting from a Redis that never answered waits forever: the wait is bounded, and the
    // client is then dropped so the process can end.
    close: async () => {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        store.disconnect().catch(() => undefined),
        new Promise((resolve) => (timer = setTimeout(resolve, 500))),
      ]);
      clearTimeout(timer);
      await Promise.resolve(redis.client.disconnect()).catch(() => undefined);
    },
  };
}
