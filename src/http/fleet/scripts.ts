import { MAX_TIMER_MS } from '../clock.js';

/**
 * The fleet's Lua scripts. Each runs atomically in Redis and reads the time from Redis (`TIME`), so
 * the machines' clocks never matter. Keys carry a Cluster hash tag `{key:host}`: one host's keys share
 * a slot.
 *
 * RESERVE is GCRA with reservations: it gives the caller the next slot of the host's schedule (at
 * most `burst` at once, then one per `interval` ms, never inside a pause) and answers how many ms from
 * now that slot is; the caller sleeps exactly that long. One call per grant, no polling.
 *  - A schedule Redis does not hold (a new fleet, a FLUSHALL, an evicted key) and a client that
 *    rejoins after an outage (ARGV[4] = 1) start it empty: no burst, however many reservations the
 *    fleet's processes hold or make at once.
 *  - A pause longer than the caller may wait (ARGV[3] ms) reserves nothing: the answer is `P<ms>`.
 *  - Each client states its rate (ARGV[5]); the answer ends in `|<rate>` when the last client before
 *    it stated another one (clients on one key with different rates would starve each other).
 */
export const RESERVE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local interval = tonumber(ARGV[1])
local tolerance = (tonumber(ARGV[2]) - 1) * interval
local pause = tonumber(redis.call('GET', KEYS[2]) or '0')
if pause - now > tonumber(ARGV[3]) then return 'P' .. tostring(pause - now) end
local held = redis.call('GET', KEYS[1])
local tat = tonumber(held or '0')
if held == false or ARGV[4] == '1' then tat = math.max(tat, now + tolerance) end
if tat < now then tat = now end
local allow = math.max(now, tat - tolerance, pause)
local next = math.max(tat, allow) + interval
redis.call('SET', KEYS[1], tostring(next), 'PX', math.ceil(next - now + tolerance + 1000))
local seen = redis.call('GET', KEYS[3])
redis.call('SET', KEYS[3], ARGV[5], 'PX', 600000)
if seen and seen ~= ARGV[5] then return tostring(allow - now) .. '|' .. seen end
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
export function bucketKeys(key: string, host: string): { tat: string; pause: string; rate: string } {
  const tag = `{${key}:${host}}`;
  return { tat: `${tag}:tat`, pause: `${tag}:pause`, rate: `${tag}:rate` };
}

/** What RESERVE answered: the wait for the slot, a pause too long to wait, and another client's rate. */
export type Reservation = { waitMs: number; otherRate: string | undefined } | { pausedMs: number };

/**
 * A number of ms as Redis answers it, or an error: garbage, nil, `nan`, `inf`, a negative or an
 * absurd wait (`1e308`) is Redis failing, never a wait to sleep (a grant loop must not spin or hang).
 */
export function readMs(raw: unknown): number {
  const text = typeof raw === 'string' || typeof raw === 'number' ? String(raw).trim() : '';
  const ms = text === '' ? Number.NaN : Number(text);
  if (!Number.isFinite(ms) || ms < 0 || ms > MAX_TIMER_MS) {
    throw new Error(`Redis answered ${JSON.stringify(String(raw).slice(0, 40))} where a number of ms was due`);
  }
  return ms;
}

export function readReservation(raw: unknown): Reservation {
  const text = typeof raw === 'string' ? raw : String(raw);
  if (text.startsWith('P')) return { pausedMs: readMs(text.slice(1)) };
  const [wait, otherRate] = text.split('|', 2) as [string, string | undefined];
  return { waitMs: readMs(wait), otherRate };
}
