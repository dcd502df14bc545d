import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';

/**
 * Checks of a schedule measured at the server. A loaded machine stretches the time between a grant
 * and the request's arrival, so the allowance is not a fixed number: it is a base (the jitter of an
 * idle machine) plus the worst scheduling delay the processes involved measured while the test ran.
 */

/** The largest excess over `burst + perSecond × t` in any window of arrivals, allowing `jitterMs`. */
export function worstExcess(times: readonly number[], perSecond: number, burst: number, jitterMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let worst = -Infinity;
  for (let i = 0; i < sorted.length; i += 1) {
    for (let j = i; j < sorted.length; j += 1) {
      const seconds = ((sorted[j] as number) - (sorted[i] as number) + jitterMs) / 1000;
      worst = Math.max(worst, j - i + 1 - (burst + perSecond * seconds));
    }
  }
  return worst;
}

/**
 * Measures this process's event-loop delay (how late a timer runs) until `stop()`, in ms. `paused`
 * runs work the measure leaves out (a forced GC of a heap measurement).
 */
export function schedulingDelay(): { stop(): number; paused<T>(work: () => T): T } {
  const histogram: IntervalHistogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  return {
    paused(work) {
      histogram.disable();
      try {
        return work();
      } finally {
        histogram.enable();
      }
    },
    stop() {
      histogram.disable();
      // The histogram's resolution itself is not delay.
      return Math.max(0, histogram.max / 1e6 - 5);
    },
  };
}

/** The base allowance of an idle machine (SPEC §8: 75 ms between a grant and its arrival). */
export const BASE_JITTER_MS = 75;

/**
 * How coarse `schedulingDelay` is: it samples every 5 ms and reports what it saw past that, so a
 * process can have been that much later than it reports. At the chaos soak's 200 requests a second,
 * 5 ms is one request: a check at such a rate allows it for each of the two processes involved.
 */
export const DELAY_RESOLUTION_MS = 5;
