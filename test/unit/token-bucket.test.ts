import { describe, expect, it } from 'vitest';
import { InvalidInputError, RateLimit } from '../../src/index.js';
import { HostRateLimiter, TokenBucket } from '../../src/http/rate-limit.js';
import { VirtualClock } from '../helpers/virtual-clock.js';

describe('RateLimit', () => {
  it.each([
    [{ perSecond: 0, burst: 1 }, 'perSecond'],
    [{ perSecond: -2, burst: 1 }, 'perSecond'],
    [{ perSecond: Infinity, burst: 1 }, 'perSecond'],
    [{ perSecond: 1, burst: 0 }, 'burst'],
    [{ perSecond: 1, burst: 2.5 }, 'burst'],
  ])('rejects %j naming the field', (settings, field) => {
    expect(() => new RateLimit(settings)).toThrow(InvalidInputError);
    expect(() => new RateLimit(settings)).toThrow(field);
  });

  it('is immutable', () => {
    expect(Object.isFrozen(new RateLimit({ perSecond: 0.5, burst: 1 }))).toBe(true);
  });
});

describe('TokenBucket', () => {
  it('starts full, then grants one token per 1/perSecond, in arrival order', async () => {
    const clock = new VirtualClock();
    const bucket = new TokenBucket(new RateLimit({ perSecond: 10, burst: 3 }), clock);
    const granted: Array<[number, number]> = [];
    const all = Array.from({ length: 7 }, (_, i) =>
      Promise.resolve(bucket.take()).then(() => granted.push([i, clock.now()])),
    );
    await clock.run(Promise.all(all));
    expect(granted).toEqual([
      [0, 0],
      [1, 0],
      [2, 0],
      [3, 100],
      [4, 200],
      [5, 300],
      [6, 400],
    ]);
    expect(clock.pendingTimers).toBe(0);
  });

  it('an aborted waiter leaves the queue and no timer; later waiters keep their turn', async () => {
    const clock = new VirtualClock();
    const bucket = new TokenBucket(new RateLimit({ perSecond: 1, burst: 1 }), clock);
    await bucket.take();
    const controller = new AbortController();
    const abandoned = bucket.take(controller.signal);
    controller.abort(new Error('stop'));
    await expect(abandoned).rejects.toThrow('stop');
    expect(bucket.pending).toBe(0);
    expect(clock.pendingTimers).toBe(0);
    const next = Promise.resolve(bucket.take());
    await clock.run(next);
    expect(clock.now()).toBe(1000);
  });

  it('pause() holds every caller until it ends', async () => {
    const clock = new VirtualClock();
    const bucket = new TokenBucket(new RateLimit({ perSecond: 10, burst: 5 }), clock);
    bucket.pause(3000);
    const times: number[] = [];
    await clock.run(
      Promise.all([bucket.take(), bucket.take()].map((p) => Promise.resolve(p).then(() => times.push(clock.now())))),
    );
    expect(times).toEqual([3000, 3000]);
  });
});

describe('HostRateLimiter', () => {
  it('keeps one bucket per host, with overrides and `false` for unlimited hosts', async () => {
    const clock = new VirtualClock();
    const limiter = new HostRateLimiter(
      new RateLimit({ perSecond: 1, burst: 1 }),
      new Map<string, RateLimit | false>([
        ['free.example', false],
        ['fast.example', new RateLimit({ perSecond: 100, burst: 2 })],
      ]),
      clock,
    );
    const times: Record<string, number[]> = {};
    const take = (host: string) =>
      Promise.resolve(limiter.take(host)).then(() => (times[host] ??= []).push(clock.now()));
    await clock.run(
      Promise.all([
        take('a.example'),
        take('a.example'),
        take('b.example'),
        take('free.example'),
        take('free.example'),
        take('free.example'),
        take('fast.example'),
        take('fast.example'),
        take('fast.example'),
      ]),
    );
    expect(times).toEqual({
      'a.example': [0, 1000],
      'b.example': [0],
      'free.example': [0, 0, 0],
      'fast.example': [0, 0, 10],
    });
  });
});

describe('a pause longer than a caller may wait', () => {
  it('refuses the callers queued when it comes, and new ones, with RateLimitedError', async () => {
    const { RateLimitedError } = await import('../../src/index.js');
    const clock = new VirtualClock();
    const bucket = new TokenBucket(new RateLimit({ perSecond: 1, burst: 1 }), clock, 'open.spotify.com', 1_000);
    expect(bucket.take()).toBeUndefined();
    const queued = bucket.take();
    bucket.pause(clock.now() + 5_000);
    await expect(queued).rejects.toBeInstanceOf(RateLimitedError);
    await expect(bucket.take()).rejects.toMatchObject({ retryAfterMs: 5_000 });
    expect(clock.pendingTimers).toBe(0);
  });
});
