/**
 * The fleet's Lua scripts. Each runs atomically in Redis and reads the time from Redis (`TIME`), so
 * the machines' clocks never matter. Keys carry a Cluster hash tag `{key:host}`: one host's keys share
 * a slot.
 *
 * RESERVE is GCRA with reservations: it gives the caller the next slot of the host's schedule (at
 * most `burst` at once, then one per `interval` ms, never inside a pause) and answers how many ms from
 * now that slot is; the caller sleeps exactly that long. One call per grant, no polling.
 */
export const RESERVE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local interval = tonumber(ARGV[1])
local tolerance = (tonumber(ARGV[2]) - 1) * interval
local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
if tat < now then tat = now end
local pause = tonumber(redis.call('GET', KEYS[2]) or '0')
local allow = math.max(now, tat - tolerance, pause)
local next = math.max(tat, allow) + interval
redis.call('SET', KEYS[1], tostring(next), 'PX', math.ceil(next - now + tolerance + 1000))
return tostring(allow - now)
`;

/** CHECK answers how long the host is still paused (0 when it is not), in ms. */
export const CHECK = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local pause = tonumber(redis.call('GET', KEYS[1]) or '0')
return tostring(math.max(0, pause - now))
`;

/** PAUSE holds the host for ARGV[1] ms from now (a later pause extends, an earlier one is kept). */
export const PAUSE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local ends = now + tonumber(ARGV[1])
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
if ends > current then redis.call('SET', KEYS[1], tostring(ends), 'PX', math.ceil(tonumber(ARGV[1]) + 1000)) end
return tostring(math.max(ends, current) - now)
`;

/** The keys of `host`'s bucket under `key`. */
export function bucketKeys(key: string, host: string): { tat: string; pause: string } {
  const tag = `{${key}:${host}}`;
  return { tat: `${tag}:tat`, pause: `${tag}:pause` };
}
