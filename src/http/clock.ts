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

/** The longest delay a Node.js timer can hold; a longer one fires after 1 ms. */
export const MAX_TIMER_MS = 2_147_483_647;

/** Resolves after `ms` (any length: a longer wait than a timer holds is made of several); abortable. */
export function abortableDelay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    let remaining = Number.isNaN(ms) ? 0 : Math.max(0, ms);
    let timer: NodeJS.Timeout;
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const arm = (): void => {
      const step = Math.min(remaining, MAX_TIMER_MS);
      remaining -= step;
      timer = setTimeout(() => {
        if (remaining > 0) return arm();
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, step);
    };
    arm();
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export const systemClock: Clock = Object.freeze({
  now: () => Date.now(),
  sleep: abortableDelay,
});
