/**
 * Time, injected: the rate limiter and the retry loop read and wait through a Clock so that tests can
 * run them on virtual time and assert exact schedules instead of wall-clock guesses.
 */
export interface Clock {
  /** Milliseconds; only differences are used, except for HTTP-date Retry-After values (epoch ms). */
  now(): number;
  /** Resolves after `ms`; rejects with `signal.reason` as soon as `signal` aborts, leaving no timer. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export function abortableDelay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, Math.max(0, ms));
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export const systemClock: Clock = Object.freeze({
  now: () => Date.now(),
  sleep: abortableDelay,
});
