import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpError, NotFoundError, RateLimitedError, type RetryInfo } from '../../src/index.js';
import { clientFor } from '../helpers/fake-spotify.js';
import { sendHtml, startLoopback, type Loopback } from '../helpers/loopback.js';
import { embedHtml, embedState, newId, trackEntity } from '../helpers/pages.js';
import { VirtualClock } from '../helpers/virtual-clock.js';

/**
 * Each track id gets a script of answers, one per request: a status (with an optional Retry-After
 * after a colon), 'reset' to destroy the socket, or 200 for the page.
 */
const scripts = new Map<string, string[]>();
let server: Loopback;
let clock: VirtualClock;
const arrivals = new Map<string, number[]>();

beforeAll(async () => {
  server = await startLoopback((request, res, raw) => {
    const id = request.path.split('/').at(-1) as string;
    (arrivals.get(id) ?? arrivals.set(id, []).get(id))?.push(clock.now());
    const step = scripts.get(id)?.shift() ?? '200';
    if (step === 'reset') {
      raw.socket.destroy();
      return;
    }
    const [status, retryAfter] = step.split(/:(.*)/s) as [string, string | undefined];
    if (status === '200') return sendHtml(res, embedHtml(embedState(trackEntity({ id, uri: `spotify:track:${id}` }))));
    return sendHtml(res, 'no', Number(status), retryAfter ? { 'retry-after': retryAfter } : {});
  });
});

afterAll(async () => {
  await server.close();
});

function scenario(...steps: string[]): string {
  const id = newId('s');
  scripts.set(id, steps);
  return id;
}

function retryingClient(retries: RetryInfo[] = [], maxDelayMs = 30_000) {
  clock = new VirtualClock();
  return clientFor(server, {
    clock,
    retry: { maxAttempts: 4, baseDelayMs: 500, maxDelayMs },
    rateLimit: { perSecond: 1000, burst: 1000 },
    onRetry: (info) => retries.push(info),
  });
}

describe('retries on the wire', () => {
  it('after a Retry-After of an hour, other callers of that host are refused at once, not held for the hour', async () => {
    await using client = retryingClient([], 30_000);
    const first = scenario('429:3600');
    await expect(clock.run(client.getTrack(first))).rejects.toMatchObject({ retryAfterMs: 3_600_000 });
    const queued = client.getTrack(scenario('200'));
    const error = await clock.run(queued).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).retryAfterMs).toBe(3_600_000);
    expect(clock.now()).toBe(0); // no time passed: refused, not waited
  });

  it('a 503 with Retry-After: 2 that exhausts the retries is an HttpError carrying retryAfterMs', async () => {
    await using client = retryingClient();
    const id = scenario('503:2', '503:2', '503:2', '503:2');
    const error = await clock.run(client.getTrack(id)).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).not.toBeInstanceOf(RateLimitedError);
    expect(error).toMatchObject({ status: 503, retryAfterMs: 2000, code: 'ERR_HTTP' });
    expect(arrivals.get(id)).toEqual([0, 2000, 4000, 6000]);
  });

  it('429 with Retry-After, then 200: waits exactly the given delay', async () => {
    const retries: RetryInfo[] = [];
    await using client = retryingClient(retries);
    const id = scenario('429:2');
    await expect(clock.run(client.getTrack(id))).resolves.toMatchObject({ id });
    expect(arrivals.get(id)).toEqual([0, 2000]);
    expect(retries).toHaveLength(1);
    expect(retries[0]).toMatchObject({ attempt: 1, delayMs: 2000, url: `https://open.spotify.com/embed/track/${id}` });
    expect(retries[0]?.error).toBeInstanceOf(RateLimitedError);
  });

  it('Retry-After as an HTTP-date', async () => {
    await using client = retryingClient();
    const id = scenario(`429:${new Date(5000).toUTCString()}`);
    await clock.run(client.getTrack(id));
    expect(arrivals.get(id)).toEqual([0, 5000]);
  });

  it('503 ×3 then 200: exponential backoff with at most 25 % jitter', async () => {
    const retries: RetryInfo[] = [];
    await using client = retryingClient(retries);
    const id = scenario('503', '503', '503');
    await clock.run(client.getTrack(id));
    expect(arrivals.get(id)).toHaveLength(4);
    const delays = retries.map((r) => r.delayMs);
    [500, 1000, 2000].forEach((base, index) => {
      expect(delays[index]).toBeGreaterThanOrEqual(base);
      expect(delays[index]).toBeLessThanOrEqual(base * 1.25);
    });
    const gaps = (arrivals.get(id) as number[]).slice(1).map((t, i) => t - (arrivals.get(id) as number[])[i]!);
    expect(gaps).toEqual(delays);
  });

  it('503 ×4: HttpError after exactly 4 attempts', async () => {
    await using client = retryingClient();
    const id = scenario('503', '503', '503', '503', '200');
    const error = await clock.run(client.getTrack(id)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ status: 503 });
    expect(arrivals.get(id)).toHaveLength(4);
  });

  it('a reset connection is retried', async () => {
    const retries: RetryInfo[] = [];
    await using client = retryingClient(retries);
    const id = scenario('reset');
    await expect(clock.run(client.getTrack(id))).resolves.toMatchObject({ id });
    expect(arrivals.get(id)).toHaveLength(2);
    expect(retries[0]?.error.name).toBe('NetworkError');
  });

  it('403 is retried; 404 and 400 are not', async () => {
    await using client = retryingClient();
    const forbidden = scenario('403');
    await clock.run(client.getTrack(forbidden));
    expect(arrivals.get(forbidden)).toHaveLength(2);
    const missing = scenario('404');
    await expect(clock.run(client.getTrack(missing))).rejects.toBeInstanceOf(NotFoundError);
    expect(arrivals.get(missing)).toHaveLength(1);
    const bad = scenario('400');
    await expect(clock.run(client.getTrack(bad))).rejects.toMatchObject({ name: 'HttpError', status: 400 });
    expect(arrivals.get(bad)).toHaveLength(1);
  });

  it('a Retry-After beyond maxDelayMs ends retrying with RateLimitedError.retryAfterMs', async () => {
    await using client = retryingClient([], 10_000);
    const id = scenario('429:3600');
    const error = await clock.run(client.getTrack(id)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).retryAfterMs).toBe(3_600_000);
    expect(arrivals.get(id)).toHaveLength(1);
  });

  it('a 429 pauses the host for every caller of the client', async () => {
    clock = new VirtualClock();
    await using client = clientFor(server, {
      clock,
      retry: { maxAttempts: 2 },
      rateLimit: { perSecond: 1000, burst: 1000 },
    });
    const limited = scenario('429:4');
    const first = client.getTrack(limited);
    await clock.advance(1);
    // Wait (real time) until the 429 has arrived and its retry wait is scheduled.
    for (let i = 0; i < 400 && clock.pendingTimers === 0; i += 1)
      await new Promise((resolve) => setTimeout(resolve, 5));
    expect(clock.pendingTimers).toBe(1);
    const bystander = scenario();
    const second = client.getTrack(bystander);
    await clock.run(Promise.all([first, second]));
    expect(arrivals.get(limited)).toEqual([0, 4000]);
    expect(arrivals.get(bystander)?.[0]).toBeGreaterThanOrEqual(4000);
  });

  it('an abort during a backoff wait rejects at once and leaves no timer', async () => {
    await using client = retryingClient();
    const id = scenario('503', '503', '503');
    const controller = new AbortController();
    const call = client.getTrack(id, { signal: controller.signal });
    for (let i = 0; i < 100 && clock.pendingTimers === 0; i += 1)
      await new Promise((resolve) => setTimeout(resolve, 5));
    expect(clock.pendingTimers).toBe(1);
    controller.abort(new Error('cancelled'));
    await expect(call).rejects.toThrow('cancelled');
    expect(clock.pendingTimers).toBe(0);
    expect(arrivals.get(id)).toHaveLength(1);
  });
});
