/** A caller waiting its turn in a FIFO queue, abortable. */
export interface Waiter {
  resolve: () => void;
  reject: (reason: unknown) => void;
  signal: AbortSignal | undefined;
  onAbort: () => void;
}

/**
 * The one abortable FIFO of the library (the host gate, the token bucket, the fleet limiter and the
 * client's admission queue use it). Taking from the front is O(1) however long the queue (ten
 * thousand calls queued behind a rate limit are served without moving the rest); a waiter that
 * leaves is taken out where it stands.
 */
export class WaitQueue {
  #items: Waiter[] = [];
  #head = 0;

  get length(): number {
    return this.#items.length - this.#head;
  }

  push(waiter: Waiter): void {
    this.#items.push(waiter);
  }

  /** The first waiter, taken out of the queue. */
  shift(): Waiter | undefined {
    if (this.#head >= this.#items.length) return undefined;
    const waiter = this.#items[this.#head] as Waiter;
    this.#head += 1;
    // Drop what was taken now and then, so the array does not grow for ever.
    if (this.#head > 1024 && this.#head * 2 > this.#items.length) {
      this.#items = this.#items.slice(this.#head);
      this.#head = 0;
    }
    return waiter;
  }

  /** Takes `waiter` out wherever it stands; false when it was not queued. */
  remove(waiter: Waiter): boolean {
    const index = this.#items.indexOf(waiter, this.#head);
    if (index < 0) return false;
    this.#items.splice(index, 1);
    return true;
  }
}

/**
 * Queues a caller at the end of `queue`. Aborting its signal takes it out of the queue, rejects with
 * the signal's reason and runs `abandoned`. `queued` runs once it is in the queue (to start serving it).
 */
export function waitInQueue(
  queue: WaitQueue,
  signal: AbortSignal | undefined,
  queued?: () => void,
  abandoned?: () => void,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const waiter: Waiter = {
      resolve,
      reject,
      signal,
      onAbort: () => {
        queue.remove(waiter);
        reject(signal?.reason);
        abandoned?.();
      },
    };
    signal?.addEventListener('abort', waiter.onAbort, { once: true });
    queue.push(waiter);
    queued?.();
  });
}

/** Ends a waiter taken from its queue: its turn has come. */
export function settleWaiter(waiter: Waiter): void {
  waiter.signal?.removeEventListener('abort', waiter.onAbort);
  waiter.resolve();
}

/** Ends a waiter taken from its queue with a failure. */
export function failWaiter(waiter: Waiter, reason: unknown): void {
  waiter.signal?.removeEventListener('abort', waiter.onAbort);
  waiter.reject(reason);
}
