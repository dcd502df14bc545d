/** How often the lag is sampled while someone measures. */
const TICK_MS = 20;

/**
 * How long this process's own event loop was late (blocked by its own work, or not scheduled by a
 * loaded machine) over a span: a timer ticks while a span is open, and each tick adds how much later
 * than due it ran. A Redis answer that took 300 ms while the loop was 290 ms late took 10 ms: the
 * fleet counts only the time that was Redis's (item: a loaded worker is not a Redis outage).
 */
export class LoopLag {
  readonly #now: () => number;
  #total = 0;
  #due = 0;
  #open = 0;
  #timer: NodeJS.Timeout | undefined;

  constructor(now: () => number = () => performance.now()) {
    this.#now = now;
  }

  /** Opens a span; returns its mark. Every `open` is followed by one `close`. */
  open(): number {
    this.#open += 1;
    if (this.#timer === undefined) {
      this.#due = this.#now() + TICK_MS;
      this.#timer = setInterval(() => this.#tick(), TICK_MS);
      this.#timer.unref();
    }
    return this.#lateness();
  }

  /** The lag since `mark` (a span's, still open). */
  lagSince(mark: number): number {
    return Math.max(0, this.#lateness() - mark);
  }

  /** Closes the span of `mark`; returns its lag (the timer stops when no span is open). */
  close(mark: number): number {
    const lag = this.lagSince(mark);
    this.#open -= 1;
    if (this.#open === 0) {
      clearInterval(this.#timer);
      this.#timer = undefined;
    }
    return lag;
  }

  /** The lag so far: what the ticks added, and how late the next tick is already. */
  #lateness(): number {
    return this.#total + Math.max(0, this.#now() - this.#due);
  }

  #tick(): void {
    const now = this.#now();
    this.#total += Math.max(0, now - this.#due);
    this.#due = now + TICK_MS;
  }
}
