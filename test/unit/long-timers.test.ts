import { afterEach, describe, expect, it, vi } from 'vitest';
import { AsyncSpotifyClient, InvalidInputError, RateLimit } from '../../src/index.js';
import { MAX_TIMER_MS, abortableDelay, systemClock } from '../../src/http/clock.js';
import { HostRateLimiter } from '../../src/http/rate-limit.js';

const DAY = 86_400_000;

afterEach(() => {
  vi.useRealTimers();
});

describe('waits longer than a Node.js timer holds (2^31 - 1 ms)', () => {
  it('a 35-day delay waits 35 days, not 1 ms', async () => {
    vi.useFakeTimers();
    let done = false;
    void abortableDelay(35 * DAY).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(MAX_TIMER_MS + 1_000);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(35 * DAY - MAX_TIMER_MS);
    expect(done).toBe(true);
  });

  it('stays abortable while chained', async () => {
    vi.useFakeTimers();
    const controller = new AbortController();
    const waiting = abortableDelay(60 * DAY, controller.signal);
    await vi.advanceTimersByTimeAsync(MAX_TIMER_MS + 5);
    controller.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('a host paused for 35 days holds its callers without spinning', async () => {
    vi.useFakeTimers();
    const limiter = new HostRateLimiter(new RateLimit({ perSecond: 2, burst: 1 }), new Map(), systemClock);
    limiter.pause('open.spotify.com', 35 * DAY);
    let granted = false;
    void limiter.take('open.spotify.com')?.then(() => (granted = true));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(granted).toBe(false);
    expect(vi.getTimerCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(35 * DAY);
    expect(granted).toBe(true);
  });

  it('a tiny perSecond waits instead of spinning', async () => {
    vi.useFakeTimers();
    const limiter = new HostRateLimiter(new RateLimit({ perSecond: 1e-7, burst: 1 }), new Map(), systemClock);
    expect(limiter.take('h')).toBeUndefined();
    let granted = false;
    void limiter.take('h')?.then(() => (granted = true));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(granted).toBe(false);
    expect(vi.getTimerCount()).toBe(1);
  });

  it('a timeout a timer cannot hold is an InvalidInputError at construction', () => {
    expect(() => new AsyncSpotifyClient({ timeout: Number.MAX_SAFE_INTEGER })).toThrow(InvalidInputError);
    expect(() => new AsyncSpotifyClient({ timeout: MAX_TIMER_MS + 1 })).toThrow(/at most 2147483647 ms/);
    expect(() => new AsyncSpotifyClient({ timeout: MAX_TIMER_MS })).not.toThrow();
  });
});
