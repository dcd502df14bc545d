import { DEFAULTS } from '../../defaults.js';
import { optionError } from '../../errors.js';
import { quote } from '../../redact.js';

/** The parts of an ioredis client the fleet uses: a client you pass is borrowed and never closed. */
export interface FleetRedisClient {
  evalsha(sha: string, numKeys: number, ...args: Array<string | number>): Promise<unknown>;
  eval(script: string, numKeys: number, ...args: Array<string | number>): Promise<unknown>;
}

/** The `fleet` option: one politeness budget for every client naming the same Redis and key. */
export interface FleetOptions {
  /** A Redis URL (`redis://host:port`, the client opens and closes its connection) or an ioredis client (borrowed). */
  redis: string | FleetRedisClient;
  /** Namespace of the shared buckets in Redis: clients with the same key share them. @default 'spotify-scraper' */
  key?: string | undefined;
  /** How many processes share the budget: when Redis is away each falls back to `perSecond / workers`. @default 1 */
  workers?: number | undefined;
}

export interface ResolvedFleet {
  redis: string | FleetRedisClient;
  key: string;
  workers: number;
}

export const FLEET_DEFAULTS = DEFAULTS.fleet;

export function resolveFleet(value: unknown): ResolvedFleet | null {
  if (value === undefined) return null;
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw optionError('fleet', 'must be { redis, key?, workers? }');
  const {
    redis,
    key = FLEET_DEFAULTS.key,
    workers = FLEET_DEFAULTS.workers,
    ...unknown
  } = value as FleetOptions & Record<string, unknown>;
  const extra = Object.keys(unknown);
  if (extra.length > 0)
    throw optionError('fleet', `has an unknown field ${quote(extra[0])}; known: redis, key, workers`);
  if (typeof redis === 'string') {
    let url: URL;
    try {
      url = new URL(redis);
    } catch {
      throw optionError('fleet.redis', 'must be a redis:// or rediss:// URL or an ioredis client');
    }
    if (url.protocol !== 'redis:' && url.protocol !== 'rediss:')
      throw optionError('fleet.redis', `must be a redis:// or rediss:// URL, got ${quote(url.protocol, 20)}`);
    const problem = redisUrlProblem(url);
    if (problem) throw optionError('fleet.redis', problem);
  } else if (
    typeof redis !== 'object' ||
    redis === null ||
    typeof (redis as Partial<FleetRedisClient>).evalsha !== 'function' ||
    typeof (redis as Partial<FleetRedisClient>).eval !== 'function'
  ) {
    throw optionError('fleet.redis', 'must be a redis:// URL or an ioredis client');
  }
  if (typeof key !== 'string' || !/^[\w.:-]{1,100}$/.test(key))
    throw optionError('fleet.key', `must be 1-100 letters, digits or . _ : -, got ${quote(key, 60)}`);
  if (typeof workers !== 'number' || !Number.isSafeInteger(workers) || workers < 1)
    throw optionError('fleet.workers', `must be a whole number >= 1, got ${quote(workers)}`);
  return { redis, key, workers };
}

/**
 * What is wrong with a redis:// URL that `new URL` accepts but a Redis client would choke on (a path
 * that is not a database number, a malformed %-escape in the credentials), or undefined. The
 * credentials are never quoted.
 */
export function redisUrlProblem(url: URL): string | undefined {
  if (!/^\/?(?:\d{1,5})?$/.test(url.pathname))
    return `must name a database by its number (redis://host:6379/0), got the path ${quote(url.pathname, 40)}`;
  try {
    decodeURIComponent(url.username);
    decodeURIComponent(url.password);
  } catch {
    return 'has a malformed %-escape in its user name or password';
  }
  return undefined;
}
